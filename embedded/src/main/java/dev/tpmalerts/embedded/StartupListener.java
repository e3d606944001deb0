package dev.tpmalerts.embedded;

/**
 * Hears which embedded server is starting and how long it took, so the demo can show progress while a node boots.
 */
@FunctionalInterface
public interface StartupListener {

	/** A listener that ignores every event. */
	StartupListener NONE = (server, message) -> {
	};

	/**
	 * Called as a server starts.
	 * @param server the server's short name, e.g. {@code "elasticsearch"} or {@code "kafka"}
	 * @param message what happened, e.g. {@code "starting 9.2.4 on port 9234"} or {@code "ready in 14.2 s"}
	 */
	void onEvent(String server, String message);

}
