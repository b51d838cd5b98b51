import RegardsCore

/// A campaign's comparison, read from the workspace one visit at a time while it is written.
enum CampaignExport {
    static func report(_ campaign: String, workspace options: WorkspaceOptions, allowPersonalData: Bool, command: String) throws -> StreamedReport {
        let ws = try options.open()
        let visits = try ws.visits(campaign: campaign)
        guard let first = visits.first else { throw RegardsError.missingInput(Messages.noVisitOfCampaign(campaign, in: options.path)) }
        let evaluationIDs = Set(visits.map(\.evaluation.id))
        guard evaluationIDs.count == 1 else {
            throw RegardsError.badData(Messages.campaignMixesProtocols(campaign, evaluationIDs.sorted().joined(separator: ", ")))
        }
        let location = options.location, author = options.author
        // Unreviewed personal-data findings, gathered by the producing thread, read once it has finished.
        let findings = Locked<[String]>([])
        var report = ComparisonReport.campaign(campaign, evaluation: try PinnedProtocols.grid(first.evaluation, ws), visits: visits.count, generatedBy: author) { each in
            // The producing thread reads the visits through its own connection.
            let workspace = try location.open()
            for visit in visits {
                let record = try VisitSession.open(visit, workspace: workspace, author: author, folders: nil).record
                findings.withValue { $0 += PrivacyGate.open(record) }
                try each(record)
            }
        }
        // Nothing reaches the target before this check: a refused workbook is never renamed into place.
        let finish = report.finish
        report.finish = {
            let stamp = try PrivacyGate.export(open: findings.withValue { $0 }, allow: allowPersonalData, command: command)
            var done = try finish()
            done.properties.custom += stamp
            return done
        }
        return report
    }
}
