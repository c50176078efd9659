import Foundation
import GRDB

/// How much production traffic the log holds past a request: what lesson checks count.
package struct ServedTraffic: Sendable, Equatable {
    /// Requests served past the request.
    package var requests: Int
    /// Those of them a shadow also scored.
    package var shadowed: Int
    /// The id of the last request served (0 before the first), a mark to count from later.
    package var lastRequestID: Int

    package init(requests: Int, shadowed: Int, lastRequestID: Int) {
        self.requests = requests
        self.shadowed = shadowed
        self.lastRequestID = lastRequestID
    }
}

extension StateStore {
    /// The production traffic served after the request with id `requestID` (all of it for 0).
    package func servedTraffic(after requestID: Int = 0) throws -> ServedTraffic {
        try pool.read { db in
            ServedTraffic(
                requests: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM served_request WHERE id > ?", arguments: [requestID]) ?? 0,
                shadowed: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM served_request WHERE id > ? AND shadow_version IS NOT NULL",
                    arguments: [requestID]) ?? 0,
                lastRequestID: try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM served_request") ?? 0)
        }
    }
}
