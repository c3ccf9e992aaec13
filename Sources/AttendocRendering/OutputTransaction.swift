import AttendocPrograms
import AttendocValues
import Foundation

/// Writes a run's files all or nothing: a failure, an interruption or a kill at any instant leaves
/// the output folder as it was or complete, never a mix (docs/safety.md, "All or nothing").
///
/// Files are first written into a hidden staging folder inside the output folder (same file
/// system, so each final step is a rename), `.attendoc-staging-<pid>-<id>/`, which only its owner
/// may enter, with a lock file the run holds while it lives:
///
///     owner.lock     held by the run (the system lets go of it when the process ends)
///     files/<n>      the run's files
///     old/<n>        a second link to each file the run replaces, made before the commit
///     journal.json   written (in one rename) when every file is ready: the commit is decided
///
/// `commit` then creates the folders the files need and renames each into place. Should one of
/// those steps fail, every step done is undone (the old files come back from `old/`, new files and
/// folders go) and the output is as it was. Should the run be killed during the commit, the
/// journal is there: the next transaction on the same output folder finds the abandoned staging
/// folder and finishes its commit (or, if that fails, undoes it); a staging folder without a
/// journal is simply removed. Renames within a file system are atomic, so the state is always one
/// the journal can be rolled forward or back from.
public final class OutputTransaction {
    public let outputFolder: URL
    private let staging: URL
    private var staged: [(staged: URL, final: URL, relative: String)] = []
    private var finished = false
    private var lockDescriptor: Int32
    private var cleanupToken: Int?
    /// For tests: called before each rename of the commit with its index; returning false makes
    /// the rename fail as a real one might.
    var renameAllowed: ((Int) -> Bool)?

    static let stagingPrefix = ".attendoc-staging-"

    public init(outputFolder: URL) throws(AttendocError) {
        self.outputFolder = outputFolder.standardizedFileURL
        self.staging = self.outputFolder.appendingPathComponent("\(Self.stagingPrefix)\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: self.outputFolder, withIntermediateDirectories: true)
        } catch {
            throw AttendocError(.output, "cannot write to the output folder \(outputFolder.path): \(error.localizedDescription)")
        }
        // What killed runs left here is finished or removed before anything new is staged.
        Self.recoverAbandoned(in: self.outputFolder)
        guard mkdir(staging.path, 0o700) == 0, mkdir(staging.appendingPathComponent("files").path, 0o700) == 0,
              mkdir(staging.appendingPathComponent("old").path, 0o700) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staging)
            throw AttendocError(.output, "cannot write to the output folder \(outputFolder.path): \(reason)")
        }
        do {
            lockDescriptor = try OwnerLock.hold(in: staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        let staging = self.staging
        cleanupToken = Interruption.register {
            // Runs only when no commit is in progress (the interruption waits for one to end).
            try? FileManager.default.removeItem(at: staging)
        }
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(at: staging) }
        release()
    }

    private func release() {
        if let cleanupToken { Interruption.unregister(cleanupToken) }
        cleanupToken = nil
        if lockDescriptor >= 0 { close(lockDescriptor) }
        lockDescriptor = -1
    }

    /// Stages `data` to appear at `relativePath` inside the output folder on commit.
    public func add(_ data: Data, at relativePath: String) throws(AttendocError) {
        let stagedFile = staging.appendingPathComponent("files/\(staged.count)")
        do {
            try data.write(to: stagedFile)
        } catch {
            throw AttendocError(.output, "cannot write \(relativePath) in \(outputFolder.path): \(error.localizedDescription)")
        }
        staged.append((stagedFile, outputFolder.appendingPathComponent(relativePath), relativePath))
    }

    /// Moves every staged file into place and returns their final locations, in the order added.
    /// On an error the output folder is as it was.
    public func commit() throws(AttendocError) -> [URL] {
        defer {
            finished = true
            try? FileManager.default.removeItem(at: staging)
            release()
        }
        // Prepare: what folders to make, and a second link to every file that will be replaced.
        var folders: [String] = []
        var entries: [Journal.Entry] = []
        for (index, item) in staged.enumerated() {
            var missing: [String] = []
            var folder = item.final.deletingLastPathComponent().standardizedFileURL
            while folder.path.count > outputFolder.path.count, !FileManager.default.fileExists(atPath: folder.path) {
                missing.insert(Self.relative(folder, in: outputFolder), at: 0)
                folder = folder.deletingLastPathComponent().standardizedFileURL
            }
            for path in missing where !folders.contains(path) { folders.append(path) }
            var status = stat()
            let replaces = lstat(item.final.path, &status) == 0
            if replaces {
                guard (status.st_mode & S_IFMT) == S_IFREG else {
                    throw AttendocError(.output, "cannot write \(item.relative) in \(outputFolder.path): something that is not a file is there already")
                }
                let old = staging.appendingPathComponent("old/\(index)").path
                if link(item.final.path, old) != 0 {
                    // A file system without hard links: keep a copy instead.
                    do {
                        try FileManager.default.copyItem(atPath: item.final.path, toPath: old)
                    } catch {
                        throw AttendocError(.output, "cannot keep the old \(item.relative) in \(outputFolder.path) while replacing it: \(error.localizedDescription)")
                    }
                }
            }
            entries.append(Journal.Entry(index: index, path: item.relative, replaces: replaces))
        }
        let journal = Journal(folders: folders, entries: entries)
        try journal.write(in: staging)

        // Commit: every step, or (on a failure) none. An interruption waits for this to end.
        let renameAllowed = self.renameAllowed
        let outputFolder = self.outputFolder
        let staging = self.staging
        try Interruption.uninterrupted { () throws(AttendocError) in
            if let failure = Self.rollForward(journal, staging: staging, output: outputFolder, renameAllowed: renameAllowed) {
                Self.rollBack(journal, staging: staging, output: outputFolder)
                throw AttendocError(.output, "\(failure); nothing was written (the output folder is as it was)")
            }
        }
        return staged.map(\.final)
    }

    /// Drops everything staged.
    public func abandon() {
        finished = true
        try? FileManager.default.removeItem(at: staging)
        release()
    }

    // MARK: The journal and recovery

    struct Journal: Codable {
        struct Entry: Codable {
            /// The staged file's name in `files/` (and the old one's in `old/`).
            var index: Int
            /// Where it goes, relative to the output folder.
            var path: String
            /// Whether a file was there before (and is kept in `old/`).
            var replaces: Bool
        }

        var version = 1
        /// Folders (relative to the output folder) the commit makes, outermost first.
        var folders: [String]
        var entries: [Entry]

        static let fileName = "journal.json"

        func write(in staging: URL) throws(AttendocError) {
            let partial = staging.appendingPathComponent("journal.partial")
            do {
                let data = try JSONEncoder().encode(self)
                try TemporaryFolder.writePrivate(data, to: partial)
            } catch {
                throw AttendocError(.output, "cannot write the commit journal in \(staging.deletingLastPathComponent().path): \(error)")
            }
            guard rename(partial.path, staging.appendingPathComponent(Self.fileName).path) == 0 else {
                throw AttendocError(.output, "cannot write the commit journal in \(staging.deletingLastPathComponent().path): \(String(cString: strerror(errno)))")
            }
        }

        static func read(in staging: URL) -> Journal? {
            guard let data = FileManager.default.contents(atPath: staging.appendingPathComponent(fileName).path) else { return nil }
            return try? JSONDecoder().decode(Journal.self, from: data)
        }
    }

    /// Makes the journal's folders and moves each staged file that is still staged into place.
    /// Returns what failed, or nil. Safe to repeat: a file already moved is no longer staged.
    static func rollForward(_ journal: Journal, staging: URL, output: URL, renameAllowed: ((Int) -> Bool)? = nil) -> String? {
        for folder in journal.folders {
            let url = output.appendingPathComponent(folder)
            if mkdir(url.path, 0o777) != 0 && errno != EEXIST {
                return "cannot create the folder \(url.path): \(String(cString: strerror(errno)))"
            }
        }
        for entry in journal.entries {
            let staged = staging.appendingPathComponent("files/\(entry.index)").path
            let final = output.appendingPathComponent(entry.path)
            guard FileManager.default.fileExists(atPath: staged) else { continue }
            if let renameAllowed, !renameAllowed(entry.index) {
                return "cannot move \(final.lastPathComponent) into \(final.deletingLastPathComponent().path): \(String(cString: strerror(EACCES)))"
            }
            if rename(staged, final.path) != 0 {
                return "cannot move \(final.lastPathComponent) into \(final.deletingLastPathComponent().path): \(String(cString: strerror(errno)))"
            }
        }
        return nil
    }

    /// Undoes whatever of the journal's steps were done: each file moved into place goes (the one
    /// it replaced comes back), and each folder made goes if it is empty. Safe to repeat.
    static func rollBack(_ journal: Journal, staging: URL, output: URL) {
        for entry in journal.entries.reversed() {
            let staged = staging.appendingPathComponent("files/\(entry.index)").path
            guard !FileManager.default.fileExists(atPath: staged) else { continue }
            let final = output.appendingPathComponent(entry.path).path
            let old = staging.appendingPathComponent("old/\(entry.index)").path
            if entry.replaces, FileManager.default.fileExists(atPath: old) {
                // Moving the new file back first makes the step repeatable if this run is killed too.
                _ = rename(final, staged)
                _ = rename(old, final)
            } else if !entry.replaces {
                _ = rename(final, staged)
            }
        }
        for folder in journal.folders.reversed() {
            _ = rmdir(output.appendingPathComponent(folder).path)
        }
    }

    /// Finishes (or, failing that, undoes) the commit of each staging folder in `output` whose run
    /// has ended, and removes it; one without a journal never began to commit and is just removed.
    static func recoverAbandoned(in output: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: output.path) else { return }
        for name in names where name.hasPrefix(stagingPrefix) {
            let folder = output.appendingPathComponent(name)
            var status = stat()
            guard lstat(folder.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR,
                  OwnerLock.isAbandoned(folder, namePrefix: stagingPrefix) else { continue }
            if let journal = Journal.read(in: folder), rollForward(journal, staging: folder, output: output) != nil {
                rollBack(journal, staging: folder, output: output)
            }
            try? FileManager.default.removeItem(at: folder)
        }
    }

    private static func relative(_ url: URL, in folder: URL) -> String {
        String(url.standardizedFileURL.path.dropFirst(folder.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
    }
}
