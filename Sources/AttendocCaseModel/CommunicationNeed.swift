import AttendocYAML

/// Something a parent or carer needs in order to read a letter or take part in a meeting. Letters
/// and meeting invitations show them to the officer; the letter itself is still produced as usual.
public enum CommunicationNeed: String, CaseIterable, Sendable, CustomStringConvertible, FixedValue {
    /// A spoken-language interpreter, into the person's `preferred_language`.
    case interpreter
    case signLanguageInterpreter = "sign_language_interpreter"
    case largePrint = "large_print"
    case easyRead = "easy_read"
    case braille
    /// Letters as audio, or read aloud.
    case audio
    /// Help to read and understand letters (for example someone to go through them in person).
    case helpReadingLetters = "help_reading_letters"
    /// Meetings somewhere with step-free access.
    case stepFreeAccess = "step_free_access"

    /// In words, as an officer reads it.
    public var description: String {
        switch self {
        case .interpreter: "an interpreter"
        case .signLanguageInterpreter: "a sign language interpreter"
        case .largePrint: "large print"
        case .easyRead: "easy read"
        case .braille: "braille"
        case .audio: "audio, or letters read aloud"
        case .helpReadingLetters: "help reading letters"
        case .stepFreeAccess: "step-free access to meetings"
        }
    }
}
