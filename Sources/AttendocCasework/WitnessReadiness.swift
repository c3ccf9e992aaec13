import AttendocCaseModel
import AttendocValues

/// The witnesses a prosecution file needs: the officer states the local authority's own acts, and
/// a school witness (its attendance lead or a head of year) produces the school's letters,
/// meetings, support, referrals and register certificate (docs/evidence-bundle.md, "Who produces
/// what"). Without one, the officer would state school events they did not witness.
enum WitnessReadiness {
    static func gaps(_ loaded: LoadedCase) -> [ProsecutionReadiness.Gap] {
        guard let route = loaded.attendanceCase.legalRoute, route.schoolWitness == nil else { return [] }
        return [ProsecutionReadiness.Gap(
            place: "legal_route.school_witness",
            problem: "no school witness is named: the school's letters, meetings, support and register certificate need a witness from the school to produce them",
            toDo: "add legal_route.school_witness with the name and role of the school's attendance lead or head of year who will make the school's statement (docs/case-file.md)")]
    }
}
