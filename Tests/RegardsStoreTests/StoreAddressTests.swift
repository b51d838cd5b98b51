import Testing
import RegardsStore

/// What `--db` names, and how a server is printed: never with its password.
@Suite struct StoreAddressTests {
    @Test(arguments: [
        ("regards.sqlite", false), ("/tmp/a=b.sqlite", false), ("visites/2026.sqlite", false),
        ("postgres://u@h/db", true), ("PostgreSQL://u@h/db", true), ("host=/tmp port=5432 dbname=x", true), ("dbname=regards", true),
        ("service=regards", true), ("  user = x", true), ("notakeyword=3", false),
    ])
    func aPathOrAServer(text: String, isServer: Bool) {
        if case .server = StoreAddress(text) { #expect(isServer, "\(text)") } else { #expect(!isServer, "\(text)") }
    }

    @Test(arguments: [
        ("postgresql://alice:s3cret@db.example.org:5433/regards?sslmode=verify-full", "postgresql://alice:***@db.example.org:5433/regards?sslmode=verify-full"),
        ("postgres://alice@db/regards", "postgres://alice@db/regards"),
        ("postgres://alice:p%40ss@db/regards", "postgres://alice:***@db/regards"),
        ("postgres://db/regards?user=alice&password=s3cret&sslmode=require", "postgres://db/regards?user=alice&password=***&sslmode=require"),
        ("host=db user=alice password=s3cret dbname=regards", "host=db user=alice password=*** dbname=regards"),
        ("host=db password = 's3 cr\\'et' dbname=regards", "host=db password =*** dbname=regards"),
        ("host=db passfile=/home/a/.pgpass dbname=regards", "host=db passfile=/home/a/.pgpass dbname=regards"),
        ("password=s3cret", "password=***"),
    ])
    func thePasswordIsMasked(given: String, shown: String) throws {
        let server = try #require(ServerAddress(given))
        #expect(server.description == shown)
        #expect(!server.description.contains("s3"))
        #expect(server.connectionString == given.trimmingCharacters(in: .whitespaces))
    }
}
