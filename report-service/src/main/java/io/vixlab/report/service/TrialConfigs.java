package io.vixlab.report.service;

import io.quarkus.panache.common.Sort;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.report.persistence.TrialConfigEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of each trial, from the tuner's trial configs: trial results carry scores only, and
 * the page's importances, parallel coordinates, slice and contour plots need both. A redelivered
 * config (same trial id and attempt) is stored once.
 */
@ApplicationScoped
public class TrialConfigs {

    @Transactional
    public boolean record(TrialConfig config) {
        if (TrialConfigEntity.count("trialId = ?1 and attempt = ?2", config.trialId(), config.attempt()) > 0) {
            return false;
        }
        TrialConfigEntity.of(config).persist();
        return true;
    }

    /** Each trial's config by trial id, its latest attempt's. */
    @Transactional
    public Map<String, TrialConfig> latestByTrial(String studyId) {
        Map<String, TrialConfig> latest = new HashMap<>();
        List<TrialConfigEntity> configs = TrialConfigEntity.list("studyId", Sort.by("attempt").and("id"), studyId);
        configs.forEach(c -> latest.put(c.trialId, c.event(TrialConfig.class)));
        return latest;
    }
}
