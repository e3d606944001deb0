package dev.tpmalerts.notifier.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The views of the subscribers' pages (Thymeleaf templates under {@code templates/pages/}). Caching, framing and
 * the Referer are set for every page by the security headers: their URLs carry tokens.
 */
final class Pages {

	private Pages() {
	}

	/** A page with its status and the problems of its form (none for a page without one). */
	static ModelAndView view(String template, HttpStatus status, FormErrors errors) {
		ModelAndView page = new ModelAndView(template, status);
		page.addObject("errors", errors);
		return page;
	}

	/** A page of a few sentences and at most one link onwards. */
	static ModelAndView message(HttpStatus status, String title, List<String> paragraphs, String link,
			String linkText) {
		ModelAndView page = view("pages/message", status, FormErrors.none());
		page.addObject("title", title);
		page.addObject("paragraphs", paragraphs);
		page.addObject("link", link);
		page.addObject("linkText", linkText);
		return page;
	}

	/** A page with an alert's form: the fields as entered, the boxes to offer, the problems. */
	static ModelAndView alertForm(String template, HttpStatus status, CriteriaForm form, FormErrors errors) {
		ModelAndView page = view(template, status, errors);
		page.addObject("form", form);
		page.addObject("roleGroups", Choices.ROLE_AND_LEVEL);
		page.addObject("facetGroups", Choices.FACETS);
		// The taxonomy facets are folded away unless one of them is chosen or has a problem to show.
		page.addObject("facetsOpen", Choices.FACETS.stream()
			.anyMatch((group) -> !form.selected(group.field()).isEmpty() || !errors.of(group.field()).isEmpty()));
		page.addObject("workplaces", Choices.WORKPLACES);
		page.addObject("frequencies", Choices.FREQUENCIES);
		return page;
	}

	/** The page of a manage link that does not work, with the form that mails a new one. */
	static ModelAndView linkNotValid(HttpStatus status, String email, FormErrors errors) {
		ModelAndView page = view("pages/link-not-valid", status, errors);
		page.addObject("email", email);
		return page;
	}

	/** 303 See Other: after a POST, the browser GETs the page, so a reload repeats nothing. */
	static ModelAndView seeOther(String url) {
		RedirectView redirect = new RedirectView(url);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return new ModelAndView(redirect);
	}

}
