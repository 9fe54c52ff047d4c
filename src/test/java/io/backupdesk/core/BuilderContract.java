package io.backupdesk.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a record's builder against its components by reflection, so that a component added to the record and
 * forgotten in the builder's setters or in its copy fails a test instead of silently turning into null.
 */
final class BuilderContract {
    private BuilderContract() { }

    /**
     * @param full       every component set, each to another value than {@code defaults} has, built by position
     * @param defaults   what the builder makes when nothing (or only what the record requires) is set
     * @param newBuilder an empty builder
     * @param toBuilder  the record's own copy into a builder
     * @param notAlone   components the record's constructor refuses to take back alone from {@code full} (such as a
     *                   format that does not fit the other options); the other two checks still cover them
     */
    static <R extends Record> void assertCoversEveryComponent(R full, R defaults, Supplier<?> newBuilder,
                                                               Function<R, ?> toBuilder, String... notAlone) {
        RecordComponent[] components = full.getClass().getRecordComponents();
        for (RecordComponent component : components) {
            assertThat(value(full, component))
                    .as("the full %s must set %s to something else than the default, or a forgotten copy would pass",
                            full.getClass().getSimpleName(), component.getName())
                    .isNotEqualTo(value(defaults, component));
        }

        Object named = newBuilder.get();
        for (RecordComponent component : components) {
            invoke(setter(named, component), named, value(full, component));
        }
        assertSameComponents(build(named), full, "set one by one by name");

        assertSameComponents(build(toBuilder.apply(full)), full, "copied by toBuilder()");

        // two setters that swapped their fields go unseen above when both values are alike, e.g. two true booleans
        for (RecordComponent changed : components) {
            if (Set.of(notAlone).contains(changed.getName())) {
                continue;
            }
            Object builder = toBuilder.apply(full);
            invoke(setter(builder, changed), builder, value(defaults, changed));
            Record built = (Record) build(builder);
            for (RecordComponent component : components) {
                Record expected = component.getName().equals(changed.getName()) ? defaults : full;
                assertThat(value(built, component))
                        .as("%s after setting only %s", component.getName(), changed.getName())
                        .isEqualTo(value(expected, component));
            }
        }
    }

    private static void assertSameComponents(Object built, Record expected, String how) {
        for (RecordComponent component : expected.getClass().getRecordComponents()) {
            assertThat(value((Record) built, component))
                    .as("%s of a %s %s", component.getName(), expected.getClass().getSimpleName(), how)
                    .isEqualTo(value(expected, component));
        }
        assertThat(built).isEqualTo(expected);
    }

    private static Method setter(Object builder, RecordComponent component) {
        try {
            return builder.getClass().getMethod(component.getName(), component.getType());
        } catch (NoSuchMethodException e) {
            throw new AssertionError(builder.getClass().getName() + " has no setter " + component.getName() + "("
                    + component.getType().getSimpleName() + ")", e);
        }
    }

    private static Object build(Object builder) {
        try {
            return invoke(builder.getClass().getMethod("build"), builder);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(builder.getClass().getName() + " has no build()", e);
        }
    }

    private static Object value(Record record, RecordComponent component) {
        return invoke(component.getAccessor(), record);
    }

    private static Object invoke(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        } catch (InvocationTargetException e) {
            throw new AssertionError(method.getName() + " failed", e.getCause());
        }
    }
}
