import ArgumentParser
import RegardsCore

extension FindingKind: ExpressibleByArgument {}
extension MeasureKind: ExpressibleByArgument {}
extension OrganisationAnswer.Position: ExpressibleByArgument {}
extension InspectorsResponse.Decision: ExpressibleByArgument {}
extension FollowUp.Status: ExpressibleByArgument {}

extension VisitSession {
    /// Where the visit's findings and measures are changed (the core checks every change).
    var desk: ProcedureDesk { ProcedureDesk(record: record, stamp: stamp) }

    /// Appends changes (one transaction) and returns the procedure as it stands after them.
    @discardableResult
    mutating func append(_ events: [ProcedureEvent]) throws -> Procedure {
        try workspace.addProcedureEvents(events)
        record.procedure = Procedure(events: record.procedure.events + events)
        return record.procedure
    }
}
