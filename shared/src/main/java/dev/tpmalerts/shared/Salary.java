package dev.tpmalerts.shared;

/**
 * A pay range. {@code currency} is an ISO 4217 code; {@code annualMin}/{@code annualMax} are the same figures
 * scaled to a year so postings paid by the hour and by the year can be compared.
 */
public record Salary(Double min, Double max, String currency, SalaryPeriod period, Double annualMin,
		Double annualMax) {

	public static Salary of(Double min, Double max, String currency, SalaryPeriod period) {
		return new Salary(min, max, currency, period, annualise(min, period), annualise(max, period));
	}

	private static Double annualise(Double amount, SalaryPeriod period) {
		return (amount == null || period == null) ? null : period.annualise(amount);
	}

}
