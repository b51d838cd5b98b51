import RegardsCore
import RegardsProtocols

/// The files of `Templates/`: scaffolds, report templates, the demo's data.
enum Templates {
    static func directory() throws -> String {
        guard let directory = ProtocolRepository.templatesDirectory else {
            throw RegardsError.missingInput(Messages.noTemplatesFolder)
        }
        return directory
    }

    static func path(_ name: String) throws -> String { try directory() + "/" + name }
}
