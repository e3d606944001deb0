package dev.tpmalerts.ingest.source.microdata;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MicrodataItemTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			<meta itemprop="p" content="2026-11-02">                         | 2026-11-02
			<span itemprop="p" content="FULL_TIME">Full time</span>          | FULL_TIME
			<time itemprop="p" datetime="2026-11-02">2 Nov</time>            | 2026-11-02
			<time itemprop="p">yesterday</time>                              | yesterday
			<data itemprop="p" value="150000">$150K</data>                   | 150000
			<a itemprop="p" href="/org">Acme  Robotics</a>                    | Acme Robotics
			<link itemprop="p" href="/jobs/1">                               | https://acme.example/jobs/1
			<span itemprop="p">   </span>                                   | -
			<div itemprop="p" itemscope><span itemprop="name">Acme</span></div> | Acme
			<div itemprop="p" itemscope><span itemprop="legalName">Acme</span></div> | -
			""")
	void shouldTakeTheValueOfAPropertyFromTheRightPlace(String property, String expected) {
		MicrodataItem item = item("<div itemscope itemtype=\"https://schema.org/Thing\">" + property + "</div>");

		assertThat(item.text("p").orElse(null)).isEqualTo(expected);
	}

	@Test
	void shouldGiveThePropertiesOfANestedItemToThatItemOnly() {
		MicrodataItem item = item("""
				<div itemscope itemtype="https://schema.org/JobPosting">
				  <h1 itemprop="title">TPM</h1>
				  <div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
				    <span itemprop="name">Acme</span><span itemprop="title">not the job's title</span>
				  </div>
				</div>
				""");

		assertThat(item.values("title")).hasSize(1);
		assertThat(item.text("title")).contains("TPM");
		assertThat(item.item("hiringOrganization")).hasValueSatisfying((organization) -> {
			assertThat(organization.isOfType("Organization")).isTrue();
			assertThat(organization.text("name")).contains("Acme");
		});
	}

	@Test
	void shouldStopAtAnItemrefThatPointsBackToTheItemItself() {
		MicrodataItem item = item("""
				<div id="job" itemscope itemtype="http://schema.org/JobPosting" itemref="job org">
				  <span itemprop="title">TPM</span>
				</div>
				<div id="org" itemprop="hiringOrganization" itemscope itemref="org"><span itemprop="name">Acme</span></div>
				""");

		assertThat(item.isOfType("JobPosting")).isTrue();
		assertThat(item.text("title")).contains("TPM");
		assertThat(item.text("hiringOrganization")).contains("Acme");
	}

	private static MicrodataItem item(String html) {
		Document page = Jsoup.parse(html, "https://acme.example/careers/");
		return MicrodataItem.of(page.selectFirst("[itemscope]"));
	}

}
