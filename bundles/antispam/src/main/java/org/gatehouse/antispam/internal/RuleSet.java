package org.gatehouse.antispam.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules the embedded engine runs, with the points admins may override by name
 * ({@code rule.points = HTML_ONLY=4,SUBJ_SALES=0}; 0 turns a rule off).
 */
final class RuleSet {

    private final List<Rule> rules;

    RuleSet(Map<String, Integer> overrides) {
        List<Rule> all = new ArrayList<>();
        all.addAll(HeaderRules.rules());
        all.addAll(ContentRules.rules());
        all.addAll(UriRules.rules());
        all.addAll(StructureRules.rules());
        List<Rule> active = new ArrayList<>();
        for (Rule rule : all) {
            Integer points = overrides.get(rule.name());
            Rule effective = points == null ? rule : rule.withPoints(points);
            if (effective.points() != 0) {
                active.add(effective);
            }
        }
        this.rules = List.copyOf(active);
    }

    static RuleSet defaults() {
        return new RuleSet(Map.of());
    }

    List<Rule> hits(ParsedMail mail) {
        List<Rule> hits = new ArrayList<>();
        for (Rule rule : rules) {
            if (rule.test().test(mail)) {
                hits.add(rule);
            }
        }
        return hits;
    }
}
