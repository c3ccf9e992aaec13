import AttendocValues
import Foundation

/// Writes a run's files all or nothing.
///
/// Files are first written into a hidden staging folder inside the output folder (same file
/// system, so the final step is a rename). Only when every file of the run is ready does `commit`
/// rename each into place, replacing an older copy atomically. If anything fails before that, the
/// staging folder is removed and the output folder holds nothing from the run.
public final class OutputTransaction {
    public let outputFolder: URL
    private let staging: URL
    private var staged: [(staged: URL, final: URL)] = []
    private var finished = false

    public init(outputFolder: URL) throws(AttendocError) {
        self.outputFolder = outputFolder.standardizedFileURL
        self.staging = self.outputFolder.appendingPathComponent(".attendoc-staging-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw AttendocError(.output, "cannot write to the output folder \(outputFolder.path): \(error.localizedDescription)")
        }
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(at: staging) }
    }

    /// Stages `data` to appear at `relativePath` inside the output folder on commit.
    public func add(_ data: Data, at relativePath: String) throws(AttendocError) {
        let stagedFile = staging.appendingPathComponent("\(staged.count)-" + relativePath.replacingOccurrences(of: "/", with: "_"))
        do {
            try data.write(to: stagedFile)
        } catch {
            throw AttendocError(.output, "cannot write \(relativePath) in \(outputFolder.path): \(error.localizedDescription)")
        }
        staged.append((stagedFile, outputFolder.appendingPathComponent(relativePath)))
    }

    /// Moves every staged file into place and returns their final locations, in the order added.
    public func commit() throws(AttendocError) -> [URL] {
        defer {
            finished = true
            try? FileManager.default.removeItem(at: staging)
        }
        do {
            for (_, final) in staged {
                try FileManager.default.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
        } catch {
            throw AttendocError(.output, "cannot create folders in \(outputFolder.path): \(error.localizedDescription)")
        }
        for (stagedFile, final) in staged where rename(stagedFile.path, final.path) != 0 {
            throw AttendocError(.output, "cannot move \(final.lastPathComponent) into \(final.deletingLastPathComponent().path): \(String(cString: strerror(errno)))")
        }
        return staged.map(\.final)
    }

    /// Drops everything staged.
    public func abandon() {
        finished = true
        try? FileManager.default.removeItem(at: staging)
    }
}
