package dev.tpmalerts.shared;

/** The period a salary figure is paid for, with the factor that annualises it. */
public enum SalaryPeriod {

	HOUR(2080), DAY(260), WEEK(52), MONTH(12), YEAR(1);

	private final int perYear;

	SalaryPeriod(int perYear) {
		this.perYear = perYear;
	}

	public double annualise(double amount) {
		return amount * this.perYear;
	}

}
