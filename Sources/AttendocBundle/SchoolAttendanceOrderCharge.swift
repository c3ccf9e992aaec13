import AttendocCaseModel

/// The school attendance order an information under section 443 Education Act 1996 speaks of
/// (`partials/bundle/charge`): the order's date, the school it names (section 437(3)) and the day
/// it was served, as the case records them under `school_attendance_order.order`. Empty values and
/// `hasOrder` false when the case records no order (`attendoc check` then names the gap).
extension BundleFacts {
    static func schoolAttendanceOrder(_ attendanceCase: AttendanceCase) -> [String: Any] {
        let order = attendanceCase.schoolAttendanceOrder?.order
        return [
            "hasOrder": order != nil,
            "madeOn": order?.madeOn.longForm ?? "",
            "school": order?.school ?? "",
            "hasServedOn": order?.servedOn != nil,
            "servedOn": order?.servedOn?.longForm ?? "",
            "authority": attendanceCase.localAuthority.name,
        ]
    }
}
