import AttendocPolicy
import AttendocValues
import Foundation

/// A panel's papers kept in the workspace folder, for the clerk's screens: the referrals received
/// for it (`panel/<date>/referrals/<reference slug>.yaml`, each as the referrer wrote it) and the clerk's
/// minutes of each case (`panel/<date>/minutes/<reference slug>.yaml`, the documented minutes YAML).
/// Every file is read by the same readers as `attendoc panel intake` and `attendoc panel minutes`
/// read the files given to them, and put in place whole (written beside, read, then renamed) or
/// not at all. Files are named in messages by their place in the panel's folder, never by the
/// server's path.
public struct PanelPapers: Sendable {
    public let panel: PanelCalendar.Panel
    /// `<workspace>/panel/<date>`.
    public let folder: URL

    public init(workspaceFolder: URL, panel: PanelCalendar.Panel) {
        self.panel = panel
        self.folder = workspaceFolder.appendingPathComponent("panel", isDirectory: true).appendingPathComponent(panel.date.iso, isDirectory: true)
    }

    var referralsFolder: URL { folder.appendingPathComponent("referrals", isDirectory: true) }
    var minutesFolder: URL { folder.appendingPathComponent("minutes", isDirectory: true) }

    /// Every referral received for the panel, in the order of their files' names.
    public func referrals() throws(AttendocError) -> [PanelReferral] {
        var read: [PanelReferral] = []
        for file in Self.yamlFiles(in: referralsFolder) {
            read.append(try PanelReferralReader.read(contentsOf: file, named: "referrals/\(file.lastPathComponent)"))
        }
        return read
    }

    /// The intake of the panel's referrals (seed 000's criteria), as `attendoc panel intake` takes
    /// the same files, in the clerk's order of slots (`slotOrder()`) unless `order` is given.
    public func intake(calendar: PanelCalendar, order: [String]? = nil) throws(AttendocError) -> PanelIntake {
        try PanelIntake.take(try referrals(), for: panel, calendar: calendar, order: order ?? slotOrder())
    }

    /// `slot-order.txt`: the clerk's order of slots, one referral reference a line, as `attendoc
    /// panel intake --order` takes it (references not named follow in the order received).
    var slotOrderFile: URL { folder.appendingPathComponent("slot-order.txt") }

    /// The clerk's order of slots, if one is set; empty for the order received.
    public func slotOrder() -> [String] {
        guard let text = try? String(contentsOf: slotOrderFile, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Moves the slot of `reference` one place earlier (`by: -1`) or later (`by: 1`) among the slots
    /// taken forward, and keeps the whole order as the clerk's (`slot-order.txt`, put in place in
    /// one step). Returns the intake in the new order; a referral not taken forward is refused.
    @discardableResult
    public func moveSlot(_ reference: String, by step: Int, calendar: PanelCalendar) throws(AttendocError) -> PanelIntake {
        var order = try intake(calendar: calendar).slots.map(\.referral.reference)
        guard let place = order.firstIndex(of: reference) else {
            throw AttendocError(.usage, "the referral \(reference) has no slot at the panel of \(panel.date.iso)")
        }
        let target = place + step
        guard order.indices.contains(target) else { return try intake(calendar: calendar) }
        order.swapAt(place, target)
        let pending = try Self.pendingFile(in: folder, Data((order.joined(separator: "\n") + "\n").utf8))
        defer { try? FileManager.default.removeItem(at: pending) }
        try Self.putInPlace(pending, at: slotOrderFile)
        return try intake(calendar: calendar)
    }

    /// Receives a referral file: read in full first (a bad file is refused with its line and field,
    /// and nothing is kept), refused when the panel already has a referral of its reference, then
    /// kept as `referrals/<reference slug>.yaml` (`pr-2025-031.yaml`).
    public func receive(_ bytes: Data) throws(AttendocError) -> PanelReferral {
        let pending = try Self.pendingFile(in: referralsFolder, bytes)
        defer { try? FileManager.default.removeItem(at: pending) }
        var referral = try PanelReferralReader.read(contentsOf: pending, named: "the referral file")
        let name = "\(FileName.slug(referral.reference)).yaml"
        if try referrals().contains(where: { $0.reference == referral.reference }) {
            throw AttendocError(.usage, "the panel of \(panel.date.iso) already has the referral \(referral.reference); it was kept as it was",
                                suggestion: "give each referral its own reference")
        }
        let target = referralsFolder.appendingPathComponent(name)
        try Self.putInPlace(pending, at: target)
        referral.file = "referrals/\(name)"
        return referral
    }

    /// The clerk's minutes of the case `reference`, if written.
    public func minutes(of reference: String) throws(AttendocError) -> PanelMinutes? {
        let file = minutesFile(of: reference)
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do throws(AttendocError) {
            return try PanelMinutesReader.read(contentsOf: file)
        } catch {
            throw placed(error)
        }
    }

    /// Writes the clerk's minutes of one case: the YAML written beside, read by the minutes reader
    /// (a problem names its field; nothing is kept), then put in place over any earlier minutes of it.
    public func write(_ entry: PanelMinutesEntry) throws(AttendocError) -> PanelMinutes {
        guard let referral = try referrals().first(where: { $0.reference == entry.referral }) else {
            throw AttendocError(.usage, "the panel of \(panel.date.iso) has no referral \(entry.referral)")
        }
        let yaml = entry.yaml(referralFile: "../\(referral.file)", panel: panel.date)
        let pending = try Self.pendingFile(in: minutesFolder, Data(yaml.utf8))
        defer { try? FileManager.default.removeItem(at: pending) }
        var minutes: PanelMinutes
        do throws(AttendocError) {
            minutes = try PanelMinutesReader.read(contentsOf: pending)
        } catch {
            throw placed(error.naming(pending.path, as: "the minutes"))
        }
        guard minutes.panelDate == panel.date else {
            throw AttendocError(.caseFile, "the minutes are of the panel of \(minutes.panelDate.iso), not \(panel.date.iso)")
        }
        let target = minutesFile(of: referral.reference)
        try Self.putInPlace(pending, at: target)
        minutes.file = "minutes/\(target.lastPathComponent)"
        return minutes
    }

    /// The minutes written for the panel's cases, in the order of `references` (the slots), as
    /// `attendoc panel minutes` reads the same files: each of this panel, no case twice.
    public func minutes(inOrderOf references: [String]) throws(AttendocError) -> [PanelMinutes] {
        let files = references.map { minutesFile(of: $0) }.filter { FileManager.default.fileExists(atPath: $0.path) }
        do throws(AttendocError) {
            return try PanelMinutesSet.read(files, panel: panel)
        } catch {
            throw placed(error)
        }
    }

    /// `error` naming the panel's papers by their place in its folder (`minutes/PR-2025-031.yaml`).
    func placed(_ error: AttendocError) -> AttendocError {
        error.naming(folder.path + "/", as: "").naming(folder.standardizedFileURL.path + "/", as: "")
    }

    func minutesFile(of reference: String) -> URL {
        minutesFolder.appendingPathComponent("\(FileName.slug(reference)).yaml")
    }

    static func yamlFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// `bytes` written to a new hidden file in `folder` (made if need be), to be read before it is
    /// put in place.
    static func pendingFile(in folder: URL, _ bytes: Data) throws(AttendocError) -> URL {
        let file = folder.appendingPathComponent(".pending-\(UUID().uuidString).yaml")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try bytes.write(to: file, options: [.withoutOverwriting])
        } catch {
            throw AttendocError(.output, "the panel's papers cannot be written in the workspace folder (\(error.localizedDescription))")
        }
        return file
    }

    /// Renames `pending` to `target` in one step (over an earlier `target`).
    static func putInPlace(_ pending: URL, at target: URL) throws(AttendocError) {
        guard rename(pending.path, target.path) == 0 else {
            throw AttendocError(.output, "the panel's papers cannot be put in place (\(String(cString: strerror(errno))))")
        }
    }
}
