import AttendocValues
import AttendocWorkspace

/// Runs a call on the workspace, its error as the pipeline's error, with the same words: what is
/// wrong with the record and what to do.
public func fromRecord<T>(_ body: () throws(WorkspaceError) -> T) throws(AttendocError) -> T {
    do {
        return try body()
    } catch {
        throw AttendocError(.workspace, "\(error)")
    }
}
