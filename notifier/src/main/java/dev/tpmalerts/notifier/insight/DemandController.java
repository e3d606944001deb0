package dev.tpmalerts.notifier.insight;

import dev.tpmalerts.notifier.insight.DemandInsight.Demand;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/insight/demand} for recruiters (RECRUITER or ADMIN, HTTP basic): what subscribers ask for. */
@RestController
class DemandController {

	private final DemandInsight insight;

	DemandController(DemandInsight insight) {
		this.insight = insight;
	}

	@GetMapping("/api/insight/demand")
	ResponseEntity<Demand> demand() {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(this.insight.demand());
	}

}
