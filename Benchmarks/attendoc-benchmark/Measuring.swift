import Foundation

/// Wall-clock seconds `body` takes.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// Runs a program with its output discarded and returns its exit status.
func runProgram(_ path: String, _ arguments: [String], environment extra: [String: String] = [:]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if !extra.isEmpty {
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
    }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

func format(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}

/// The integer options `names` from `arguments` (`--letters 5000`), or exits with usage.
func integerOptions(_ arguments: [String], _ defaults: [String: Int], usage: String) -> [String: Int] {
    var values = defaults
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
        guard defaults[argument] != nil, let value = iterator.next().flatMap(Int.init) else {
            FileHandle.standardError.write(Data("usage: \(usage)\n".utf8))
            exit(2)
        }
        values[argument] = value
    }
    return values
}

/// This process's resident and peak resident memory in bytes (Linux /proc/self/status).
func memory() -> (resident: Int, peak: Int) {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func field(_ name: String) -> Int {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first { !$0.isEmpty }.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0) * 1024
    }
    return (field("VmRSS"), field("VmHWM"))
}

/// Resets the peak resident memory to the current one (Linux: writing 5 to /proc/self/clear_refs).
func resetPeakMemory() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

/// CPU seconds (user and system) used so far by this process (`own`) and by its child processes
/// that have ended and been waited for (`children`: FOP, qpdf). On a shared, loaded machine CPU
/// time says more about a program's own cost than wall time does.
func cpuSeconds() -> (own: Double, children: Double) {
    func total(_ who: Int32) -> Double {
        var usage = rusage()
        getrusage(who, &usage)
        func value(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return value(usage.ru_utime) + value(usage.ru_stime)
    }
    return (total(RUSAGE_SELF.rawValue), total(RUSAGE_CHILDREN.rawValue))
}
