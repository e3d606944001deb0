package dev.tpmalerts.notifier.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A real SMTP server on a loopback port that refuses every recipient with the given reply code: the conversation a
 * mailbox that does not exist produces (GreenMail accepts every recipient). It records the commands' verbs.
 */
final class RefusingSmtpServer implements AutoCloseable {

	private final ServerSocket socket;

	private final int rcptCode;

	private final List<String> verbs = new ArrayList<>();

	private final Thread thread;

	private RefusingSmtpServer(ServerSocket socket, int rcptCode) {
		this.socket = socket;
		this.rcptCode = rcptCode;
		this.thread = new Thread(this::serve, "refusing-smtp-server");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	static RefusingSmtpServer start(int port, int rcptCode) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return new RefusingSmtpServer(socket, rcptCode);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not listen on port " + port, ex);
		}
	}

	synchronized List<String> verbs() {
		return List.copyOf(this.verbs);
	}

	private void serve() {
		while (!this.socket.isClosed()) {
			try (Socket client = this.socket.accept()) {
				converse(client);
			}
			catch (IOException ex) {
				// The socket closed (the test is over) or the client went away: wait for the next one.
			}
		}
	}

	private void converse(Socket client) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
		OutputStream out = client.getOutputStream();
		reply(out, "220 refusing.test ESMTP");
		String line;
		while ((line = in.readLine()) != null) {
			String verb = line.split("[ :]", 2)[0].toUpperCase(Locale.ROOT);
			synchronized (this) {
				this.verbs.add(verb);
			}
			switch (verb) {
				case "EHLO", "HELO" -> reply(out, "250 refusing.test");
				case "MAIL", "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
				case "RCPT" -> reply(out, this.rcptCode + " 5.1.1 mailbox unavailable");
				case "DATA" -> {
					reply(out, "354 end with <CRLF>.<CRLF>");
					while ((line = in.readLine()) != null && !line.equals(".")) {
						// the message is not kept
					}
					reply(out, "250 2.0.0 queued");
				}
				case "QUIT" -> {
					reply(out, "221 2.0.0 bye");
					return;
				}
				default -> reply(out, "502 5.5.2 command not recognised");
			}
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws Exception {
		this.socket.close();
		this.thread.join(5_000);
	}

}
