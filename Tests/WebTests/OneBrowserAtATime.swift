import Foundation

/// The browser tests take turns: one headless Chromium at a time in the test process. The rest of
/// the suite loads both cores while they run, and a second or third Chromium starting beside the
/// first made chromedriver and page loads slow enough to miss their time limits. Each browser test
/// takes its turn in `BrowserOnServedSite.init` and gives it back in `stop()` (or when its start
/// fails), so the turn is always given back.
final class OneBrowserAtATime: @unchecked Sendable {
    static let turn = OneBrowserAtATime()

    private let lock = NSLock()
    private var taken = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Waits until no other browser test holds the turn, then holds it.
    func take() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if taken {
                waiting.append(continuation)
                lock.unlock()
            } else {
                taken = true
                lock.unlock()
                continuation.resume()
            }
        }
    }

    /// Gives the turn to the next waiting test, if any.
    func giveBack() {
        lock.lock()
        if waiting.isEmpty {
            taken = false
            lock.unlock()
        } else {
            let next = waiting.removeFirst()
            lock.unlock()
            next.resume()
        }
    }
}
