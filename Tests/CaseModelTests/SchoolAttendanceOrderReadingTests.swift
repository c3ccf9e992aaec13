import AttendocCaseModel
import AttendocTesting
import AttendocValues
import AttendocYAML
import Foundation
import Testing

/// The case file's `school_attendance_order` (sections 437 to 443 Education Act 1996): each step
/// read with its dates, and a clear error naming the field when a step is out of order, too short
/// or missing what it depends on.
extension CaseModelTests {
    static let schoolAttendanceOrder = """
    school_attendance_order:
      notice: {served_on: 2026-12-08, method: post, period_ends_on: 2027-01-04}
      response: {on: 2026-12-15, summary: Says she teaches the child at home; no details given.}
      intention: {served_on: 2027-01-06, schools: [Riverside Academy, Exe Valley School]}
      parent_choice: {on: 2027-01-12, school: Exe Valley School}
      order: {made_on: 2027-01-25, school: Exe Valley School, served_on: 2027-01-27}
      failed_to_comply_from: 2027-02-01

    """

    static func withOrder(_ old: String = "", _ new: String = "") -> String {
        let block = old.isEmpty ? schoolAttendanceOrder : schoolAttendanceOrder.replacingOccurrences(of: old, with: new)
        return valid.replacingOccurrences(of: "policy: county-attendance-team\n", with: block + "policy: county-attendance-team\n")
    }

    @Test func theSchoolAttendanceOrderProcessIsReadStepByStep() throws {
        let process = try #require(try CaseFileReader.read(Self.withOrder(), file: Self.file).schoolAttendanceOrder)
        #expect(process.notice?.servedOn == date("2026-12-08"))
        #expect(process.notice?.method == .post)
        #expect(process.notice?.periodEndsOn == date("2027-01-04"))
        #expect(process.response?.summary == "Says she teaches the child at home; no details given.")
        #expect(process.intention?.schools == ["Riverside Academy", "Exe Valley School"])
        #expect(process.parentChoice?.school == "Exe Valley School")
        #expect(process.order?.school == "Exe Valley School")
        #expect(process.order?.servedOn == date("2027-01-27"))
        #expect(process.failedToComplyFrom == date("2027-02-01"))
        #expect(process.casePath == "school_attendance_order")
    }

    @Test func aNoticePeriodShorterThan15DaysIsRefusedNamingTheField() throws {
        let error = try #require(Self.readError(Self.withOrder("period_ends_on: 2027-01-04", "period_ends_on: 2026-12-21")))
        #expect(error.field == "school_attendance_order.notice.period_ends_on")
        #expect(error.message.contains("less than 15 days beginning with the day the notice was served (2026-12-08)"))
        #expect(error.message.contains("the earliest it can be is 2026-12-22"), "\(error.message)")
    }

    @Test func stepsOutOfOrderAreRefusedNamingTheField() throws {
        let error = try #require(Self.readError(Self.withOrder("made_on: 2027-01-25", "made_on: 2027-01-10")))
        #expect(error.field == "school_attendance_order.order.made_on")
        #expect(error.message.contains("before parent_choice.on (2027-01-12)"), "\(error.message)")
        let early = try #require(Self.readError(Self.withOrder("intention: {served_on: 2027-01-06", "intention: {served_on: 2026-12-20")))
        #expect(early.field == "school_attendance_order.intention.served_on")
        #expect(early.message.contains("within the period the section 437(1) notice gave the parent (to 2027-01-04)"), "\(early.message)")
    }

    @Test func aStepWithoutTheOneItDependsOnIsRefused() throws {
        let noOrder = Self.withOrder("  order: {made_on: 2027-01-25, school: Exe Valley School, served_on: 2027-01-27}\n", "")
        let error = try #require(Self.readError(noOrder))
        #expect(error.field == "school_attendance_order.failed_to_comply_from")
        #expect(error.message.contains("is given without order"))
        let noIntention = Self.withOrder("  intention: {served_on: 2027-01-06, schools: [Riverside Academy, Exe Valley School]}\n", "")
        #expect(try #require(Self.readError(noIntention)).field == "school_attendance_order.parent_choice")
        let unknown = try #require(Self.readError(Self.withOrder("failed_to_comply_from:", "failed_to_comply_on:")))
        #expect(unknown.field == "school_attendance_order.failed_to_comply_on")
        let served = try #require(Self.readError(Self.withOrder("served_on: 2027-01-27", "served_on: 2027-01-20")))
        #expect(served.field == "school_attendance_order.order.served_on")
    }
}
