package org.tl4j.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a registered strategy is, as data: its stable name, Pan &amp; Yang approach (empty for the baselines that
 * every comparison needs), the settings it supports, the module that ships it, the data kind it accepts and a
 * one-line description.
 *
 * @param name        stable lower-case name, e.g. {@code kmm} or {@code target-only}
 * @param approach    the approach, or {@code null} for a non-transfer baseline
 * @param settings    the settings the strategy supports (non-empty)
 * @param module      the Maven module, e.g. {@code core} or {@code instance-transfer}
 * @param dataKind    the {@link TransferProblem#dataKind()} it accepts
 * @param description one line for tables
 * @param role        the baseline role ({@code target-only}, {@code source-only}, {@code pooled}) of a baseline, or
 *                    {@code null}; only baselines ({@code approach == null}) have one
 */
public record StrategyDescriptor(String name, Approach approach, Set<Setting> settings, String module, String dataKind,
                                 String description, BaselineRole role) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.+\\-]*");

    /** Validates the fields. */
    public StrategyDescriptor {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid strategy name '" + name
                    + "': use lower-case letters, digits, '-', '+' and '.', starting with a letter or digit");
        }
        if (settings == null || settings.isEmpty()) {
            throw new IllegalArgumentException("Strategy '" + name + "' must support at least one setting");
        }
        settings = Collections.unmodifiableSet(EnumSet.copyOf(settings));
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(dataKind, "dataKind");
        Objects.requireNonNull(description, "description");
        if (role != null && approach != null) {
            throw new IllegalArgumentException("Strategy '" + name + "' has approach " + approach.label()
                    + " and baseline role " + role.label() + ": only baselines (no approach) play a role");
        }
    }

    /** A descriptor without a baseline role (every transfer strategy, and baselines that play none). */
    public StrategyDescriptor(String name, Approach approach, Set<Setting> settings, String module, String dataKind,
                              String description) {
        this(name, approach, settings, module, dataKind, description, null);
    }

    /** The baseline role, empty for strategies that play none. */
    public Optional<BaselineRole> roleIfAny() {
        return Optional.ofNullable(role);
    }

    /** The approach, empty for baselines. */
    public Optional<Approach> approachIfAny() {
        return Optional.ofNullable(approach);
    }

    /** Whether this is a non-transfer baseline (no approach). */
    public boolean isBaseline() {
        return approach == null;
    }

    /** The approach's label, or {@code baseline}. */
    public String approachLabel() {
        return approach == null ? "baseline" : approach.label();
    }

    /** Settings as {@code inductive;transductive} (in declaration order). */
    public String settingsLabel() {
        return settings.stream().map(Setting::label).collect(Collectors.joining(";"));
    }

    /**
     * Whether a problem posing {@code problemSetting} can be handled: an inductive problem (labelled target data)
     * suits inductive and transductive strategies, a transductive one suits transductive strategies, an
     * unsupervised one suits unsupervised strategies.
     */
    public boolean acceptsSetting(Setting problemSetting) {
        return switch (problemSetting) {
            case INDUCTIVE -> settings.contains(Setting.INDUCTIVE) || settings.contains(Setting.TRANSDUCTIVE);
            case TRANSDUCTIVE -> settings.contains(Setting.TRANSDUCTIVE);
            case UNSUPERVISED -> settings.contains(Setting.UNSUPERVISED);
        };
    }
}
