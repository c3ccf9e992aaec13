import AttendocValues
import AttendocYAML
import Foundation
import Yams

extension YAMLFields {
    /// A UPN at `fieldPath`, or an error saying what is wrong (without repeating the number).
    func uniquePupilNumber(_ node: Node, path fieldPath: String) throws(CaseFileError) -> UniquePupilNumber {
        guard case .scalar(let scalar) = node else {
            throw itemError(fieldPath, "expected a UPN (a check letter, then 12 digits), found \(Self.kind(of: node))", at: node)
        }
        if let problem = UniquePupilNumber.problem(with: scalar.string) {
            throw itemError(fieldPath, "is not a valid UPN: \(problem)", at: node)
        }
        return UniquePupilNumber(scalar.string)!
    }

    func optionalUniquePupilNumber(_ key: String) throws(CaseFileError) -> UniquePupilNumber? {
        guard let value = node(key) else { return nil }
        return try uniquePupilNumber(value, path: path.isEmpty ? key : "\(path).\(key)")
    }
}
