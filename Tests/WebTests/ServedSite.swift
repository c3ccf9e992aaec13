import AttendocWeb
import Foundation
import Hummingbird
import ServiceLifecycle

/// The site listening on a free port of 127.0.0.1 (its settings' port must be 0) for as long as
/// `body` runs, as `attendoc serve` runs it: real sockets, real HTTP, nothing in between. `body`
/// gets a client for that port; the server is shut down gracefully when it returns or throws.
func serving<T>(_ site: AttendocSite, _ body: (LoopbackHTTPClient) async throws -> T) async throws -> T {
    let (ports, announce) = AsyncStream.makeStream(of: Int.self)
    let application = site.application { port in announce.yield(port) }
    let group = ServiceGroup(configuration: .init(services: [application], logger: application.logger))
    let running = Task {
        defer { announce.finish() }
        try await group.run()
    }
    var port: Int?
    for await taken in ports {
        port = taken
        break
    }
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await running.result
    }
    guard let port, port > 0 else {
        await stop()
        throw LoopbackHTTPClient.Failure(description: "the site did not start: \(await running.result)")
    }
    do {
        let result = try await body(LoopbackHTTPClient(port: port))
        await stop()
        return result
    } catch {
        await stop()
        throw error
    }
}
