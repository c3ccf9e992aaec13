import AttendocIssuing
import Testing

/// What the office sees while a batch runs: a bar on a terminal, plain lines in a log.
@Suite("Batch progress: a bar on a terminal, plain lines otherwise")
struct BatchProgressTests {
    @Test func aBarOnlyOnATerminalThatCanRedrawALine() {
        #expect(BatchProgress.style(standardErrorIsTerminal: true, term: "xterm-256color") == .bar)
        #expect(BatchProgress.style(standardErrorIsTerminal: false, term: "xterm-256color") == .lines, "a log or a pipe")
        #expect(BatchProgress.style(standardErrorIsTerminal: true, term: "dumb") == .lines)
        #expect(BatchProgress.style(standardErrorIsTerminal: true, term: nil) == .lines)
    }

    @Test func plainLinesComeAtTheStartAtEveryTenthAndAtTheEnd() {
        var written: [String] = []
        let progress = BatchProgress(style: .lines) { written.append($0) }
        for done in 1...25 { progress.show(done, 25) }
        progress.finish()
        #expect(written == [1, 3, 5, 8, 10, 13, 15, 18, 20, 23, 25].map { "issued \($0) of 25\n" })
        #expect(!written.joined().contains("\r"), "nothing a log would show as junk")
    }

    @Test func theBarRedrawsOneLineAndEndsIt() {
        var written: [String] = []
        let progress = BatchProgress(style: .bar) { written.append($0) }
        progress.show(1, 4)
        progress.show(4, 4)
        progress.finish()
        #expect(written == ["\r[#######                       ] 1/4", "\r[##############################] 4/4", "\n"])
    }
}
