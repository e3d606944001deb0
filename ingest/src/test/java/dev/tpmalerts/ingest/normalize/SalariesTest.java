package dev.tpmalerts.ingest.normalize;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tpmalerts.ingest.source.RawPosting.RawSalary;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.SalaryPeriod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalariesTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			$150k–$180k                                         | 150000 | 180000 | USD | YEAR  | 150000 | 180000
			The base salary is $150K - $180K per year.          | 150000 | 180000 | USD | YEAR  | 150000 | 180000
			€70.000 - €85.000                                   | 70000  | 85000  | EUR | YEAR  | 70000  | 85000
			Gehalt: €70.000 – €85.000 pro Jahr                  | 70000  | 85000  | EUR | YEAR  | 70000  | 85000
			USD 75/hour                                         | 75     | 75     | USD | HOUR  | 156000 | 156000
			up to £90,000                                       | -      | 90000  | GBP | YEAR  | -      | 90000
			$120,000 - $140,000 CAD                             | 120000 | 140000 | CAD | YEAR  | 120000 | 140000
			C$100,000 - C$120,000                               | 100000 | 120000 | CAD | YEAR  | 100000 | 120000
			CAD 100,000 - 120,000                               | 100000 | 120000 | CAD | YEAR  | 100000 | 120000
			Pay: $40 - $55 per hour                             | 40     | 55     | USD | HOUR  | 83200  | 114400
			£500 per day                                        | 500    | 500    | GBP | DAY   | 130000 | 130000
			Salary: $95,000 per year                            | 95000  | 95000  | USD | YEAR  | 95000  | 95000
			Salary range: $145,000 - $175,000 per year.         | 145000 | 175000 | USD | YEAR  | 145000 | 175000
			Salary: $75,000.00 - $92,000.00 annually            | 75000  | 92000  | USD | YEAR  | 75000  | 92000
			CTC: ₹45,00,000 – ₹60,00,000 per annum              | 4500000 | 6000000 | INR | YEAR | 4500000 | 6000000
			INR 12–16 LPA fixed, plus ESOPs                     | 1200000 | 1600000 | INR | YEAR | 1200000 | 1600000
			183k - 271k USD/year                                | 183000 | 271000 | USD | YEAR  | 183000 | 271000
			$114,566 to - $148,937 per year                     | 114566 | 148937 | USD | YEAR  | 114566 | 148937
			Salary £58,831                                      | 58831  | 58831  | GBP | YEAR  | 58831  | 58831
			Gehalt 70.000 – 85.000 EUR pro Jahr                 | 70000  | 85000  | EUR | YEAR  | 70000  | 85000
			$ 100k/Year ($ 50/Hour for 40 hours of work a week) | 100000 | 100000 | USD | YEAR  | 100000 | 100000
			Grants Management Division Salary: $99,200 – $128,956 per year | 99200 | 128956 | USD | YEAR | 99200 | 128956
			""")
	void shouldReadPayFromText(String text, Double min, Double max, String currency, SalaryPeriod period,
			Double annualMin, Double annualMax) {
		Optional<Salary> salary = Salaries.fromText(text);

		assertThat(salary).contains(new Salary(min, max, currency, period, annualMin, annualMax));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Competitive salary and equity.", "We raised $50M in 2024.",
			"$1,000 annual professional development budget", 
			"3 - 5 years of experience required.", "" })
	void shouldFindNoPayWhereTheTextStatesNone(String text) {
		assertThat(Salaries.fromText(text)).isEmpty();
	}

	@Test
	void shouldReadPayUnderAHeadingThatMentionsPerks() {
		Optional<Salary> salary = Salaries.fromText("Pay & perks\nSalary: $150k–$180k + equity.");

		assertThat(salary).contains(Salary.of(150000.0, 180000.0, "USD", SalaryPeriod.YEAR));
	}

	@Test
	void shouldFindNoPayInNoText() {
		assertThat(Salaries.fromText(null)).isEmpty();
		assertThat(Salaries.fromStructured(null, "$150k–$180k")).isEmpty();
		assertThat(Salaries.fromStructured(new RawSalary(null, null, "USD", "YEAR"), "")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "$5 - $10 per year", "$200k - $150k", "$20,000,000 - $30,000,000 per year",
			"Grants from $100 to ~$400,000 for restoration projects." })
	void shouldTakeNoPayFromAbsurdFiguresInTheText(String text) {
		assertThat(Salaries.fromText(text)).isEmpty();
	}

	@Test
	void shouldReadOnPastAnAbsurdFigureToThePay() {
		assertThat(Salaries.fromText("Backed by $5 - $10 per year subscriptions. Salary: $150,000 - $180,000 per year."))
			.contains(Salary.of(150000.0, 180000.0, "USD", SalaryPeriod.YEAR));
	}

	@Test
	void shouldRejectAbsurdStructuredPayNamingTheFigures() {
		assertThatThrownBy(() -> Salaries.fromStructured(new RawSalary(5.0, 10.0, "USD", "YEAR"), ""))
			.isInstanceOf(RejectedPostingException.class)
			.hasMessageContaining("salary 5.0-10.0 USD per year");
	}

	@ParameterizedTest(name = "{0} {1}-{2} {3} → {4}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			ashby   | 230000 | 280000 | 1 YEAR          | YEAR  | 230000 | 280000
			lever   | 31     | 36     | per-hour-wage   | HOUR  | 64480  | 74880
			lever   | 165000 | 195000 | per-year-salary | YEAR  | 165000 | 195000
			json-ld | 75     | 75     | HOUR            | HOUR  | 156000 | 156000
			json-ld | 5000   | 6000   | MONTH           | MONTH | 60000  | 72000
			json-ld | 75     | 75     | -               | HOUR  | 156000 | 156000
			json-ld | 150000 | 180000 | -               | YEAR  | 150000 | 180000
			""")
	void shouldReadTheUnitOfStructuredPay(String source, double min, double max, String unit, SalaryPeriod period,
			double annualMin, double annualMax) {
		Optional<Salary> salary = Salaries.fromStructured(new RawSalary(min, max, "USD", unit), "");

		assertThat(salary).contains(new Salary(min, max, "USD", period, annualMin, annualMax));
	}

	@Test
	void shouldPreferTheStructuredFiguresOverTheText() {
		Optional<Salary> salary = Salaries.fromStructured(new RawSalary(100000.0, 120000.0, "usd", "YEAR"),
				"The range for this role is $150k–$180k.");

		assertThat(salary).contains(Salary.of(100000.0, 120000.0, "USD", SalaryPeriod.YEAR));
	}

	@Test
	void shouldTakeTheDollarOfStructuredPayWithoutCurrencyFromTheText() {
		Optional<Salary> salary = Salaries.fromStructured(new RawSalary(140000.0, 165000.0, null, "YEAR"),
				"Base salary CAD 140,000 - 165,000 for candidates in Toronto.");

		assertThat(salary).map(Salary::currency).contains("CAD");
	}

	@ParameterizedTest(name = "{0} in {1} → {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			US: $160,000 – $190,000 USD. Canada: $150,000 – $175,000 CAD.          | US | USD
			$150,000 – $178,000 per year (all figures in Canadian dollars).        | -  | CAD
			Salary $110,000 – $130,000                                              | CA | CAD
			Salary $110,000 – $130,000                                              | AU | AUD
			Salary $110,000 – $130,000                                              | US | USD
			Salary up to $130,000 a year                                            | CA | CAD
			""")
	void shouldTellWhichDollarABareDollarSignIs(String text, String country, String expected) {
		assertThat(Salaries.fromText(text, country)).map(Salary::currency).contains(expected);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "Base salary: $150,000 - $180,000 per year. You will own our SOC 2 audit timelines.",
			"Base salary: $150,000 - $180,000 per year. Present to technical and business audiences.",
			"Base salary: $150,000 - $180,000 per year on our Fraud & Risk team.",
			"Base salary: $150,000 - $180,000 per year. A decade of program experience.",
			"Base salary: $150,000 - $180,000 per year. Graduates of our TPM academy welcome." })
	void shouldReadABareDollarAsUsdWhenNoOtherDollarIsNamed(String text) {
		assertThat(Salaries.fromText(text)).map(Salary::currency).contains("USD");
		assertThat(Salaries.fromStructured(new RawSalary(150000.0, 180000.0, null, "YEAR"), text))
			.map(Salary::currency)
			.contains("USD");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Learning budget of up to $2,000 per year. Competitive salary.                       | -
			Home office stipend: $500 - $1,000. Base salary: $150,000 - $180,000 per year.      | 180000
			We have raised $5 - $10 million in funding.                                         | -
			We secure urban grants ranging from $25,000 to million dollar awards.              | -
			Awards of up to $50,000 per year for community projects.                           | -
			""")
	void shouldNotTakeOtherAmountsForPay(String text, Double expectedMax) {
		assertThat(Salaries.fromText(text).map(Salary::max).orElse(null)).isEqualTo(expectedMax);
	}

	@Test
	void shouldReadStartingAtAsAMinimumOnly() {
		assertThat(Salaries.fromText("Salary starting at $80,000 per year"))
			.contains(Salary.of(80000.0, null, "USD", SalaryPeriod.YEAR));
	}

}
