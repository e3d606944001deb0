package dev.tpmalerts.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Decoding a fetched body: a byte order mark first, then the declared charset, else UTF-8. */
class FetchedDocumentTest {

	private static final String JSON = "{\"title\":\"Technischer Programm-Manager, München\"}";

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "none", textBlock = """
			# body encoding | byte order mark | Content-Type
			UTF-8           | EF BB BF        | application/json
			UTF-8           | EF BB BF        | application/json; charset=ISO-8859-1
			UTF-16BE        | FE FF           | application/json
			UTF-16LE        | FF FE           | application/json
			ISO-8859-1      | none            | text/html; charset="iso-8859-1"
			UTF-8           | none            | application/json
			UTF-8           | none            | application/json; charset=no-such-charset
			UTF-8           | none            | none
			""")
	void shouldDecodeTheBodyByItsMarkThenItsDeclaredCharset(String encoding, String mark, String contentType) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (mark != null) {
			for (String hex : mark.split(" ")) {
				body.write(Integer.parseInt(hex, 16));
			}
		}
		body.writeBytes(JSON.getBytes(Charset.forName(encoding)));

		FetchedDocument document = new FetchedDocument(URI.create("https://boards.example/jobs.json"), 200, contentType,
				body.toByteArray());

		assertThat(document.text()).isEqualTo(JSON);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			text/html; charset=UTF-8        | UTF-8
			text/html;charset="windows-1252" | windows-1252
			application/xml; Charset=utf-16  | UTF-16
			""")
	void shouldKeepTheDeclaredCharset(String contentType, String charset) {
		FetchedDocument document = new FetchedDocument(URI.create("https://careers.example/"), 200, contentType,
				new byte[0]);

		assertThat(document.declaredCharset()).contains(Charset.forName(charset));
	}

}
