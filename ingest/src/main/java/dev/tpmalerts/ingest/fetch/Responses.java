package dev.tpmalerts.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntPredicate;

/**
 * Sends a request and takes its answer within a deadline, reading no more of the body than a cap: a body that
 * declares a larger Content-Length is not read at all, and one that grows past the cap is cut off.
 */
final class Responses {

	private Responses() {
	}

	/** What was read of a response's body. */
	sealed interface Body {

		/** The whole body, or its first {@code max} bytes when truncating. */
		record Bytes(byte[] bytes) implements Body {

		}

		/** Not wanted for this status, so not read. */
		record Unread() implements Body {

		}

		/** Larger than the cap: {@code declared} when Content-Length said so and nothing was read. */
		record TooLarge(long bytes, boolean declared) implements Body {

		}

	}

	/**
	 * Reads the bodies of the statuses {@code wanted} up to {@code max} bytes; past that the body is
	 * {@link Body.TooLarge}, or with {@code truncate} its first {@code max} bytes.
	 */
	static HttpResponse.BodyHandler<Body> capped(long max, IntPredicate wanted, boolean truncate) {
		return (info) -> {
			if (!wanted.test(info.statusCode())) {
				return new Refusing(new Body.Unread());
			}
			OptionalLong declared = contentLength(info.headers());
			if (!truncate && declared.isPresent() && declared.getAsLong() > max) {
				return new Refusing(new Body.TooLarge(declared.getAsLong(), true));
			}
			return new Capped(max, truncate);
		};
	}

	/** Sends and waits for the whole answer; {@link HttpTimeoutException} when it is not complete in time. */
	static HttpResponse<Body> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<Body> handler,
			Duration deadline) throws IOException, InterruptedException {
		CompletableFuture<HttpResponse<Body>> future = client.sendAsync(request, handler);
		try {
			return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new HttpTimeoutException("no complete answer within " + deadline.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IOException(cause);
		}
	}

	private static OptionalLong contentLength(HttpHeaders headers) {
		try {
			return headers.firstValueAsLong("Content-Length");
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	/** Cancels the body at once, which closes the connection without reading it. */
	private static final class Refusing implements HttpResponse.BodySubscriber<Body> {

		private final CompletableFuture<Body> result = new CompletableFuture<>();

		private final Body body;

		Refusing(Body body) {
			this.body = body;
		}

		@Override
		public CompletionStage<Body> getBody() {
			return this.result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.cancel();
			this.result.complete(this.body);
		}

		@Override
		public void onNext(List<ByteBuffer> item) {
		}

		@Override
		public void onError(Throwable throwable) {
			this.result.complete(this.body);
		}

		@Override
		public void onComplete() {
			this.result.complete(this.body);
		}

	}

	private static final class Capped implements HttpResponse.BodySubscriber<Body> {

		private final CompletableFuture<Body> result = new CompletableFuture<>();

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private final long max;

		private final boolean truncate;

		private Flow.Subscription subscription;

		Capped(long max, boolean truncate) {
			this.max = max;
			this.truncate = truncate;
		}

		@Override
		public CompletionStage<Body> getBody() {
			return this.result;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			if (this.result.isDone()) {
				return;
			}
			for (ByteBuffer buffer : buffers) {
				int length = buffer.remaining();
				long room = this.max - this.out.size();
				if (length > room) {
					this.subscription.cancel();
					if (this.truncate) {
						append(buffer, (int) room);
						this.result.complete(new Body.Bytes(this.out.toByteArray()));
					}
					else {
						this.result.complete(new Body.TooLarge(this.out.size() + (long) length, false));
					}
					return;
				}
				append(buffer, length);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			this.result.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			this.result.complete(new Body.Bytes(this.out.toByteArray()));
		}

		private void append(ByteBuffer buffer, int length) {
			byte[] bytes = new byte[length];
			buffer.get(bytes);
			this.out.write(bytes, 0, length);
		}

	}

}
