package io.roleradar.model;

/** The fields an ML role's work can sit in (TAXONOMY.md section 4). A role has zero, one or more. */
public enum Domain {
    RANKING_RECOMMENDATION,
    ADS,
    NLP_LLM,
    COMPUTER_VISION,
    SPEECH_AUDIO,
    AUTONOMY_ROBOTICS,
    FRAUD_RISK,
    FORECASTING
}
