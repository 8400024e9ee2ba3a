package io.roleradar.classifier.learn;

import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.model.Domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * The decisions learned from the labels (taxonomy section {@code model}): ML role or not, INFRA or
 * MODELING, SPECIALIST or GENERALIST, and each domain, each a {@link LinearDecision}.
 */
public final class LearnedModel {
    /** The decision names of the taxonomy's {@code model.decisions}. */
    public static final String ML_ROLE = "mlRole";
    public static final String INFRA = "infra";
    public static final String SPECIALIST = "specialist";
    public static final String DOMAIN_PREFIX = "domain.";

    private final LinearDecision mlRole;
    private final LinearDecision infra;
    private final LinearDecision specialist;
    private final Map<Domain, LinearDecision> domains = new EnumMap<>(Domain.class);

    public LearnedModel(Taxonomy taxonomy) {
        Map<String, Taxonomy.DecisionWeights> d = taxonomy.model().decisions();
        this.mlRole = LinearDecision.compile(d.get(ML_ROLE), taxonomy.rules());
        this.infra = LinearDecision.compile(d.get(INFRA), taxonomy.rules());
        this.specialist = LinearDecision.compile(d.get(SPECIALIST), taxonomy.rules());
        for (Domain domain : Domain.values()) {
            domains.put(domain, LinearDecision.compile(d.get(DOMAIN_PREFIX + domain.name()), taxonomy.rules()));
        }
    }

    public LinearDecision mlRole() {
        return mlRole;
    }

    public LinearDecision infra() {
        return infra;
    }

    public LinearDecision specialist() {
        return specialist;
    }

    public LinearDecision domain(Domain domain) {
        return domains.get(domain);
    }
}
