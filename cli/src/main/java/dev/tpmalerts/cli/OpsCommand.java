package dev.tpmalerts.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.shared.Json;

/**
 * {@code ./tpm-alerts ops}: ingest's operations API from a terminal. Lists sources, runs and dead letters as
 * tables; launches, stops and recovers runs, changes schedules, replays dead letters and purges. The password comes
 * from {@code TPM_OPS_PASSWORD}, never from an argument (arguments show in the process list and shell history). A
 * refusal prints the server's problem detail and exits with 1; a usage mistake exits with 2.
 */
public final class OpsCommand {

	static final String USAGE = """
			usage: ./tpm-alerts ops COMMAND [options] [--url URL] [--user NAME]
			  jobs                                 sources: schedule, next run, last run, run in progress
			  history [--source S] [--status S] [--page N] [--size N]
			                                       runs, newest first, with read/published/filtered/rejected counts
			  run ID                               one run with the progress of its steps
			  launch SOURCE                        start a run of SOURCE now (in the background)
			  stop ID                              stop run ID at its next chunk boundary
			  recover [--no-restart]               recover runs left STARTED by a dead process (and resume them)
			  schedule SOURCE CRON|--reset         set SOURCE's cron ("" for on demand only), or back to its configured one
			  dead-letters [--stage S] [--source S] [--status PENDING|REPLAYED] [--page N] [--size N]
			  replay ID                            replay dead letter ID
			  purge                                delete runs and dead letters older than their configured age
			--url: ingest's address (default http://localhost:8081, or TPM_OPS_URL); --user: an OPS or ADMIN user
			(default operator, or TPM_OPS_USER); the password is read from TPM_OPS_PASSWORD.""";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final HttpClient http;

	private final ZoneId zone;

	OpsCommand(HttpClient http, ZoneId zone) {
		this.http = http;
		this.zone = zone;
	}

	public static void main(String[] args) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		System.exit(new OpsCommand(http, ZoneId.systemDefault()).run(args, System.getenv(), System.out, System.err));
	}

	/** A mistake in the command line, reported with the usage. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

	/** The server refused the request; the message is its problem detail in words. */
	static final class RefusedException extends RuntimeException {

		RefusedException(String message) {
			super(message);
		}

	}

	/** @return 0 when done, 1 when the server refused or could not be reached, 2 for a usage mistake */
	int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
		if (args.length == 0 || List.of("help", "-h", "--help").contains(args[0])) {
			out.println(USAGE);
			return (args.length == 0) ? 2 : 0;
		}
		try {
			Arguments arguments = Arguments.parse(args);
			String url = arguments.option("url").orElse(env.getOrDefault("TPM_OPS_URL", "http://localhost:8081"));
			String user = arguments.option("user").orElse(env.getOrDefault("TPM_OPS_USER", "operator"));
			String password = env.get("TPM_OPS_PASSWORD");
			if (password == null || password.isEmpty()) {
				throw new UsageException("set TPM_OPS_PASSWORD to the password of " + user
						+ " (it is never taken as an argument)");
			}
			Api api = new Api(this.http, url.replaceAll("/+$", ""), user, password);
			execute(arguments, api, out);
			return 0;
		}
		catch (UsageException ex) {
			err.println("tpm-alerts ops: " + ex.getMessage());
			err.println(USAGE);
			return 2;
		}
		catch (RefusedException ex) {
			err.println("tpm-alerts ops: " + ex.getMessage());
			return 1;
		}
	}

	private void execute(Arguments arguments, Api api, PrintStream out) {
		switch (arguments.command()) {
			case "jobs", "sources" -> {
				arguments.expect(0);
				jobs(api.get("/api/ops/sources"), out);
			}
			case "history", "runs" -> {
				arguments.expect(0);
				JsonNode page = api.get("/api/ops/runs" + arguments.query("source", "status", "page", "size"));
				runs(page.get("items"), out);
				footer(page, "run(s)", out);
			}
			case "run" -> run(api.get("/api/ops/runs/" + arguments.id(0)), out);
			case "launch" -> {
				String source = arguments.positional(0, "SOURCE");
				JsonNode started = api.send("POST", "/api/ops/sources/" + path(source) + "/runs", null);
				out.println("Started run " + started.get("executionId").asLong() + " of source " + source
						+ "; follow it with: ./tpm-alerts ops run " + started.get("executionId").asLong());
			}
			case "stop" -> {
				JsonNode stopping = api.send("POST", "/api/ops/runs/" + arguments.id(0) + "/stop", null);
				out.println("Run " + stopping.at("/run/id").asLong() + " is " + stopping.at("/run/status").asString()
						+ ": " + stopping.get("detail").asString());
			}
			case "recover" -> {
				arguments.expect(0);
				String restart = arguments.flag("no-restart") ? "?restart=false" : "";
				JsonNode recovered = api.send("POST", "/api/ops/recover" + restart, null).get("recovered");
				if (recovered.isEmpty()) {
					out.println("No run was left running by a dead process.");
				}
				for (JsonNode each : recovered) {
					out.println("Recovered run " + each.at("/run/id").asLong() + " of " + text(each.at("/run/source"))
							+ " (" + text(each.get("why")) + ")" + (each.get("resumedAs").isNull() ? ""
									: ", resumed as run " + each.get("resumedAs").asLong()));
				}
			}
			case "schedule" -> schedule(arguments, api, out);
			case "dead-letters" -> {
				arguments.expect(0);
				JsonNode page = api.get("/api/ops/dead-letters" + arguments.query("stage", "source", "status", "page", "size"));
				deadLetters(page.get("items"), out);
				footer(page, "dead letter(s)", out);
			}
			case "replay" -> {
				JsonNode replayed = api.send("POST", "/api/ops/dead-letters/" + arguments.id(0) + "/replay", null);
				out.println("Dead letter " + replayed.at("/deadLetter/id").asLong() + ": " + replayed.get("detail").asString()
						+ " (now " + replayed.at("/deadLetter/status").asString() + ")");
				if (!replayed.get("through").asBoolean()) {
					throw new RefusedException("the replay did not get the record through; it is kept");
				}
			}
			case "purge" -> {
				arguments.expect(0);
				JsonNode purge = api.send("POST", "/api/ops/housekeeping/purge", null);
				out.println("Deleted " + purge.get("jobExecutions").asInt() + " run(s) of " + purge.get("jobInstances").asInt()
						+ " job instance(s) ended before " + time(purge.get("runsEndedBefore")) + " and "
						+ purge.get("deadLetters").asInt() + " dead letter(s) received before "
						+ time(purge.get("deadLettersReceivedBefore"))
						+ ((purge.get("keptRunning").asInt() > 0) ? "; kept " + purge.get("keptRunning").asInt()
								+ " with a run still going" : ""));
			}
			default -> throw new UsageException("unknown command '" + arguments.command() + "'");
		}
	}

	private void schedule(Arguments arguments, Api api, PrintStream out) {
		String source = arguments.positional(0, "SOURCE");
		JsonNode changed;
		if (arguments.flag("reset")) {
			arguments.expect(1);
			changed = api.send("DELETE", "/api/ops/sources/" + path(source) + "/schedule", null);
		}
		else {
			String cron = arguments.positional(1, "CRON (\"\" for on demand only)");
			arguments.expect(2);
			changed = api.send("PUT", "/api/ops/sources/" + path(source) + "/schedule",
					Json.mapper().writeValueAsString(Map.of("cron", cron)));
		}
		out.println("Source " + source + " now runs " + (changed.get("cron").isNull() ? "on demand only"
				: "on " + changed.get("cron").asString() + ", next at " + time(changed.get("nextFire"))));
	}

	private void jobs(JsonNode sources, PrintStream out) {
		Table table = new Table("SOURCE", "TYPE", "ENABLED", "SCHEDULE", "NEXT RUN", "LAST RUN", "RUNNING");
		for (JsonNode source : sources) {
			JsonNode last = source.get("lastRun");
			String schedule = source.get("cron").isNull() ? "on demand" : source.get("cron").asString();
			table.row(text(source.get("name")), text(source.get("type")), source.get("enabled").asBoolean() ? "yes" : "no",
					source.get("scheduleChanged").asBoolean() ? schedule + " (changed)" : schedule,
					time(source.get("nextFire")),
					(last == null || last.isNull()) ? "never"
							: last.get("id").asLong() + " " + text(last.get("status")) + " " + time(last.get("started")),
					source.get("running").isNull() ? "" : "run " + source.get("running").asLong());
		}
		table.print(out);
	}

	private void runs(JsonNode runs, PrintStream out) {
		Table table = new Table("RUN", "SOURCE", "STATUS", "STARTED", "DURATION", "READ", "PUBLISHED", "FILTERED",
				"REJECTED", "TRIGGER", "FAILURE");
		for (JsonNode run : runs) {
			table.row(String.valueOf(run.get("id").asLong()), text(run.get("source")), text(run.get("status")),
					time(run.get("started")), duration(run.get("durationMillis")), text(run.get("read")),
					text(run.get("written")), text(run.get("filtered")), text(run.get("skipped")), text(run.get("trigger")),
					text(run.get("failure")));
		}
		table.print(out);
	}

	private void run(JsonNode detail, PrintStream out) {
		JsonNode run = detail.get("run");
		out.println("Run " + run.get("id").asLong() + " of " + text(run.get("source")) + ": " + text(run.get("status"))
				+ " (" + text(run.get("exitCode")) + "), trigger " + text(run.get("trigger")));
		out.println("started " + time(run.get("started")) + ", ended " + time(run.get("ended")) + ", took "
				+ duration(run.get("durationMillis")));
		if (!run.get("failure").isNull()) {
			out.println("failure: " + run.get("failure").asString());
		}
		Table table = new Table("STEP", "STATUS", "PROGRESS", "PUBLISHED", "FILTERED", "REJECTED", "COMMITS",
				"ROLLBACKS", "LAST UPDATE");
		for (JsonNode step : detail.get("steps")) {
			String progress = step.get("total").isNull() ? step.get("read").asLong() + " read"
					: step.get("read").asLong() + " of " + step.get("total").asLong() + " read";
			table.row(text(step.get("name")), text(step.get("status")), progress, text(step.get("written")),
					text(step.get("filtered")), text(step.get("skipped")), text(step.get("commits")),
					text(step.get("rollbacks")), time(step.get("lastUpdated")));
		}
		table.print(out);
	}

	private void deadLetters(JsonNode letters, PrintStream out) {
		Table table = new Table("ID", "STAGE", "SOURCE", "STATUS", "REPLAYS", "REJECTED", "REASON", "PAYLOAD");
		for (JsonNode letter : letters) {
			table.row(String.valueOf(letter.get("id").asLong()), text(letter.get("stage")), text(letter.get("source")),
					text(letter.get("status")), text(letter.get("replays")), time(letter.get("rejectedAt")),
					clip(text(letter.get("reason")), 80), clip(text(letter.get("payloadExcerpt")), 60));
		}
		table.print(out);
	}

	private static void footer(JsonNode page, String what, PrintStream out) {
		long total = page.get("total").asLong();
		int number = page.get("page").asInt();
		int size = page.get("size").asInt();
		long pages = Math.max(1, (total + size - 1) / size);
		out.println(total + " " + what + ", page " + (number + 1) + " of " + pages
				+ (((long) (number + 1) * size < total) ? " (next: --page " + (number + 1) + ")" : ""));
	}

	private String time(JsonNode value) {
		if (value == null || value.isNull() || value.asString().isEmpty()) {
			return "—";
		}
		return TIME.format(Instant.parse(value.asString()).atZone(this.zone));
	}

	private static String duration(JsonNode millis) {
		if (millis == null || millis.isNull()) {
			return "—";
		}
		Duration duration = Duration.ofMillis(millis.asLong());
		if (duration.toMinutes() >= 60) {
			return duration.toHours() + "h" + duration.toMinutesPart() + "m";
		}
		if (duration.toSeconds() >= 60) {
			return duration.toMinutes() + "m" + duration.toSecondsPart() + "s";
		}
		return duration.toSeconds() + "." + (duration.toMillisPart() / 100) + "s";
	}

	private static String text(JsonNode value) {
		return (value == null || value.isNull()) ? "" : value.asString().replaceAll("\\s+", " ");
	}

	private static String clip(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	private static String path(String segment) {
		return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The command line: a command, its positional arguments, {@code --name value} options and flags. */
	record Arguments(String command, List<String> positional, Map<String, String> options) {

		private static final List<String> FLAGS = List.of("reset", "no-restart");

		static Arguments parse(String[] args) {
			List<String> positional = new ArrayList<>();
			Map<String, String> options = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				if (arg.startsWith("--") && arg.length() > 2) {
					String name = arg.substring(2);
					if (name.equals("password")) {
						throw new UsageException("the password is read from TPM_OPS_PASSWORD, never from an argument");
					}
					if (FLAGS.contains(name)) {
						options.put(name, "true");
					}
					else if (i + 1 < args.length) {
						options.put(name, args[++i]);
					}
					else {
						throw new UsageException("option --" + name + " needs a value");
					}
				}
				else {
					positional.add(arg);
				}
			}
			if (positional.isEmpty()) {
				throw new UsageException("which command?");
			}
			return new Arguments(positional.get(0), List.copyOf(positional.subList(1, positional.size())), options);
		}

		java.util.Optional<String> option(String name) {
			return java.util.Optional.ofNullable(this.options.get(name));
		}

		boolean flag(String name) {
			return this.options.containsKey(name);
		}

		String positional(int index, String what) {
			if (index >= this.positional.size()) {
				throw new UsageException(this.command + " needs " + what);
			}
			return this.positional.get(index);
		}

		long id(int index) {
			String id = positional(index, "an id");
			expect(index + 1);
			try {
				return Long.parseLong(id);
			}
			catch (NumberFormatException ex) {
				throw new UsageException("'" + id + "' is not an id (a number)");
			}
		}

		void expect(int count) {
			if (this.positional.size() > count) {
				throw new UsageException(this.command + " takes " + ((count == 0) ? "no" : String.valueOf(count))
						+ " argument(s), not '" + String.join(" ", this.positional.subList(count, this.positional.size())) + "'");
			}
		}

		/** The options given among these names, as a query string. */
		String query(String... names) {
			List<String> pairs = new ArrayList<>();
			for (String name : names) {
				option(name).ifPresent((value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
			}
			return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
		}

	}

	/** Calls the operations API with HTTP basic; an answer other than 2xx becomes a {@link RefusedException}. */
	private record Api(HttpClient http, String base, String user, String password) {

		JsonNode get(String path) {
			return send("GET", path, null);
		}

		JsonNode send(String method, String path, String json) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", "application/json")
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8)))
				.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			HttpResponse<String> response;
			try {
				response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (ConnectException ex) {
				throw new RefusedException("cannot reach ingest at " + this.base + " (is it running? --url sets where)");
			}
			catch (IOException ex) {
				throw new RefusedException("calling " + this.base + path + " failed: " + ex.getMessage());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new RefusedException("interrupted");
			}
			if (response.statusCode() / 100 != 2) {
				throw new RefusedException(problem(response));
			}
			try {
				return Json.mapper().readTree(response.body());
			}
			catch (JacksonException ex) {
				throw new RefusedException("ingest answered " + path + " with something that is not JSON: "
						+ clip(response.body(), 200));
			}
		}

		private static String problem(HttpResponse<String> response) {
			try {
				JsonNode problem = Json.mapper().readTree(response.body());
				String detail = problem.path("detail").asString("");
				String parameter = problem.path("parameter").isMissingNode() ? "" : " (parameter " + problem.get("parameter").asString() + ")";
				return response.statusCode() + " " + problem.path("title").asString("") + ": " + detail + parameter;
			}
			catch (JacksonException ex) {
				return "HTTP " + response.statusCode() + ": " + clip(response.body(), 200);
			}
		}

	}

	/** Columns as wide as their widest cell. */
	private static final class Table {

		private final List<String[]> rows = new ArrayList<>();

		Table(String... headings) {
			this.rows.add(headings);
		}

		void row(String... cells) {
			this.rows.add(cells);
		}

		void print(PrintStream out) {
			int columns = this.rows.get(0).length;
			int[] widths = new int[columns];
			for (String[] row : this.rows) {
				for (int i = 0; i < columns; i++) {
					widths[i] = Math.max(widths[i], row[i].length());
				}
			}
			for (String[] row : this.rows) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < columns; i++) {
					cells.add((i == columns - 1) ? row[i] : String.format("%-" + widths[i] + "s", row[i]));
				}
				out.println(cells.stream().collect(Collectors.joining("  ")).stripTrailing());
			}
		}

	}

}
