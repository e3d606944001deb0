package dev.tpmalerts.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out free loopback TCP ports, because fixed ports collide with parallel builds and whatever else runs here.
 */
public final class FreePorts {

	private static final int ATTEMPTS = 100;

	/** Ports already handed out by this JVM: never hand the same one out twice, even if it is free again. */
	private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	/**
	 * Returns a TCP port that was free on the loopback interface a moment ago and that this JVM has not handed out
	 * before.
	 * @return the port number
	 */
	public static int next() {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			int port = probe();
			if (HANDED_OUT.add(port)) {
				return port;
			}
		}
		throw new IllegalStateException("Could not find a free loopback port after " + ATTEMPTS
				+ " attempts; this JVM has already handed out " + HANDED_OUT.size() + " ports.");
	}

	private static int probe() {
		try (ServerSocket socket = new ServerSocket()) {
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not open a socket on the loopback interface to find a free port.",
					ex);
		}
	}

}
