package dev.tpmalerts.matcher;

import dev.tpmalerts.matcher.classify.PostingClassifier;
import dev.tpmalerts.matcher.taxonomy.Taxonomy;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The taxonomy and the classifier built on it. */
@Configuration(proxyBeanMethods = false)
class MatcherConfiguration {

	@Bean
	PostingClassifier postingClassifier() {
		return new PostingClassifier(Taxonomy.load());
	}

}
