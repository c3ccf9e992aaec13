import AttendocValues
import Foundation

/// Attendoc's temporary files: all in one folder of the run's own, `$TMPDIR/attendoc-<pid>-XXXXXX`,
/// which only its owner may enter (0700), holding the files (0600) FOP and qpdf read and write.
/// Each use removes its folder when done; the run's folder goes when the process exits or is
/// interrupted (`Interruption`). A run that was killed outright leaves its folder behind, and the
/// next run removes it (`removeAbandoned`), knowing it abandoned because nobody holds its lock.
public enum TemporaryFolder {
    static let prefix = "attendoc-"

    private static let root = Root()

    /// A new private folder for `purpose` (`fop`, `run`, `bundle`) inside the run's folder, or
    /// inside `folder` when a caller gives its own (a test that must see only its own files).
    public static func make(_ purpose: String, in folder: URL? = nil) throws(AttendocError) -> URL {
        let base: URL
        if let folder { base = folder } else { base = try root.url() }
        var template = Array(base.appendingPathComponent("\(purpose)-XXXXXX").path.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw AttendocError(.output, "cannot make a temporary folder in \(base.path): \(String(cString: strerror(errno)))")
        }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    public static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `data` to a new file at `url` that only its owner can read (0600).
    public static func writePrivate(_ data: Data, to url: URL) throws(AttendocError) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw AttendocError(.output, "cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let failed = data.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += written
            }
            return false
        }
        if failed {
            throw AttendocError(.output, "cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Removes the run's own folder (at exit, or when interrupted).
    public static func removeRoot() {
        root.remove()
    }

    /// Removes the folders runs that were killed left in `folder` (the temporary folder): those
    /// named as Attendoc names them, owned by this user, whose lock nobody holds.
    public static func removeAbandoned(in folder: URL = FileManager.default.temporaryDirectory) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let candidate = folder.appendingPathComponent(name)
            var status = stat()
            guard lstat(candidate.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR, status.st_uid == getuid(),
                  candidate.standardizedFileURL.path != root.existing?.standardizedFileURL.path,
                  OwnerLock.isAbandoned(candidate, namePrefix: prefix) else { continue }
            try? FileManager.default.removeItem(at: candidate)
        }
    }

    private final class Root: @unchecked Sendable {
        private let lock = NSLock()
        private var made: URL?
        private var lockDescriptor: Int32 = -1

        var existing: URL? { lock.withLock { made } }

        func url() throws(AttendocError) -> URL {
            lock.lock()
            defer { lock.unlock() }
            if let made { return made }
            let base = FileManager.default.temporaryDirectory
            var template = Array(base.appendingPathComponent("\(TemporaryFolder.prefix)\(getpid())-XXXXXX").path.utf8CString)
            guard let created = mkdtemp(&template) else {
                throw AttendocError(.output, "cannot make a temporary folder in \(base.path): \(String(cString: strerror(errno)))")
            }
            let url = URL(fileURLWithPath: String(cString: created), isDirectory: true)
            lockDescriptor = try OwnerLock.hold(in: url)
            made = url
            atexit { TemporaryFolder.removeRoot() }
            return url
        }

        func remove() {
            lock.lock()
            defer { lock.unlock() }
            guard let made else { return }
            try? FileManager.default.removeItem(at: made)
            if lockDescriptor >= 0 { close(lockDescriptor) }
            lockDescriptor = -1
            self.made = nil
        }
    }
}

/// A lock file in a folder a run owns (its temporary folder, an output transaction's staging
/// folder), held for as long as the run lives: the system lets go of it when the process ends,
/// however it ends, so another run can tell an abandoned folder from one in use.
public enum OwnerLock {
    static let fileName = "owner.lock"

    /// Creates and locks the lock file in `folder`; returns its descriptor, to close when done.
    public static func hold(in folder: URL) throws(AttendocError) -> Int32 {
        let path = folder.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw AttendocError(.output, "cannot make a lock file in \(folder.path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw AttendocError(.output, "cannot lock \(path): \(reason)")
        }
        return descriptor
    }

    /// Whether the run that made `folder` has ended: nobody holds its lock file, or (where there is
    /// none yet, or the file system cannot lock) the process whose id follows `namePrefix` in the
    /// folder's name no longer exists.
    public static func isAbandoned(_ folder: URL, namePrefix: String) -> Bool {
        let path = folder.appendingPathComponent(fileName).path
        let descriptor = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
        if descriptor >= 0 {
            defer { close(descriptor) }
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return true }
            if errno == EWOULDBLOCK { return false }
        }
        let name = folder.lastPathComponent
        guard name.hasPrefix(namePrefix), let pid = Int32(name.dropFirst(namePrefix.count).prefix { $0.isNumber }) else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
