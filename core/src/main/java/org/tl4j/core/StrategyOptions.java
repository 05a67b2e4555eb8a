package org.tl4j.core;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import org.tl4j.core.learn.InnerLearners;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Trainer;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sets a strategy's {@code @Config} fields from text, as the command line does with
 * {@code --option kmm.bandwidth=0.5}.
 * <p>
 * Values are converted to the field's type ({@code int}, {@code long}, {@code double}, {@code float},
 * {@code boolean}, {@code String} or an enum constant); a field holding a Tribuo {@link Trainer} takes an inner
 * learner name (see {@link InnerLearners}). After all values are set the strategy's {@code postConfig()} validates
 * them. An unknown option is refused with the closest valid names; so is a number that is not finite ({@code NaN},
 * {@code Infinity}).
 */
public final class StrategyOptions {
    private StrategyOptions() {
    }

    /**
     * Applies {@code options} (field name → text) to {@code target}.
     *
     * @throws IllegalArgumentException naming the option, the value and the valid choices when one is invalid
     */
    public static <T extends Output<T>> void apply(Configurable target, Map<String, String> options,
                                                   OutputFactory<T> outputFactory) {
        if (options.isEmpty()) {
            return;
        }
        Map<String, Field> fields = configFields(target.getClass());
        String owner = target instanceof TransferStrategy<?, ?> s ? s.descriptor().name() : target.getClass().getSimpleName();
        for (Map.Entry<String, String> e : options.entrySet()) {
            Field f = fields.get(e.getKey());
            if (f == null) {
                List<String> close = NamedProviders.closest(e.getKey(), fields.keySet());
                throw new IllegalArgumentException("Strategy '" + owner + "' has no option '" + e.getKey() + "'"
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                        + " Options: " + (fields.isEmpty() ? "(none)" : String.join(", ", fields.keySet())));
            }
            try {
                f.setAccessible(true);
                f.set(target, convert(f, e.getValue(), outputFactory, owner));
            } catch (IllegalAccessException ex) {
                throw new IllegalStateException("Cannot set option '" + e.getKey() + "' of " + owner, ex);
            }
        }
        try {
            target.postConfig();
        } catch (PropertyException | IllegalArgumentException | IOException ex) {
            throw new IllegalArgumentException("Invalid options for '" + owner + "' " + options + ": " + ex.getMessage(), ex);
        }
    }

    /** The option names of {@code type} with their descriptions, in declaration order (superclasses first). */
    public static Map<String, String> describe(Class<?> type) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Field> e : configFields(type).entrySet()) {
            out.put(e.getKey(), e.getValue().getAnnotation(Config.class).description());
        }
        return out;
    }

    private static Map<String, Field> configFields(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(c);
        }
        Collections.reverse(chain);
        Map<String, Field> out = new LinkedHashMap<>();
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Config.class) && !Modifier.isStatic(f.getModifiers())) {
                    out.put(f.getName(), f);
                }
            }
        }
        return out;
    }

    /** NaN and infinities are never a setting: a strategy would test them with {@code >} and fall back silently. */
    private static double finite(double x, Field f, String text, String owner) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("Option '" + f.getName() + "' of '" + owner + "' takes a finite number, not '"
                    + text + "'");
        }
        return x;
    }

    private static <T extends Output<T>> Object convert(Field f, String text, OutputFactory<T> outputFactory, String owner) {
        Class<?> t = f.getType();
        String v = text.trim();
        try {
            if (t == int.class || t == Integer.class) {
                return Integer.parseInt(v);
            } else if (t == long.class || t == Long.class) {
                return Long.parseLong(v);
            } else if (t == double.class || t == Double.class) {
                return finite(Double.parseDouble(v), f, text, owner);
            } else if (t == float.class || t == Float.class) {
                float x = Float.parseFloat(v);
                finite(x, f, text, owner);
                return x;
            } else if (t == boolean.class || t == Boolean.class) {
                if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(v);
                }
                throw new IllegalArgumentException("Option '" + f.getName() + "' of '" + owner + "' takes true or false, not '" + text + "'");
            } else if (t == String.class) {
                return v;
            } else if (t.isEnum()) {
                for (Object c : t.getEnumConstants()) {
                    String name = ((Enum<?>) c).name();
                    if (name.equalsIgnoreCase(v) || name.replace('_', '-').equalsIgnoreCase(v)) {
                        return c;
                    }
                }
                List<String> names = new ArrayList<>();
                for (Object c : t.getEnumConstants()) {
                    names.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'));
                }
                throw new IllegalArgumentException("Option '" + f.getName() + "' of '" + owner + "' takes one of "
                        + names + ", not '" + text + "'");
            } else if (Trainer.class.isAssignableFrom(t)) {
                return InnerLearners.named(v, outputFactory);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option '" + f.getName() + "' of '" + owner + "' takes a "
                    + t.getSimpleName() + ", not '" + text + "'");
        }
        throw new IllegalArgumentException("Option '" + f.getName() + "' of '" + owner + "' (type "
                + t.getSimpleName() + ") cannot be set from text; configure it in Java");
    }
}
