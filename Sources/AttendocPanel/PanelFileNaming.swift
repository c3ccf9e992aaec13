import AttendocValues

extension AttendocError {
    /// This error with the file `path` named `name` instead, in its place and its words: so that a
    /// message about a file the clerk gave, or one kept among a panel's papers, names it as they
    /// know it and never by the server's path.
    func naming(_ path: String, as name: String) -> AttendocError {
        func renamed(_ text: String) -> String { text.replacingOccurrences(of: path, with: name) }
        let location = self.location.map { Location(file: renamed($0.file), line: $0.line, column: $0.column, field: $0.field) }
        return AttendocError(kind: kind, location: location, summary: renamed(summary), suggestion: suggestion.map(renamed),
                             underlying: underlying, context: context, description: renamed(description))
    }
}
