package vn.ocop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class measured to take ten seconds or more of the suite. Test classes run two at a time, and {@link
 * SideBySideOrder} starts these first, so that the run does not end with one of them running alone.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface LongRunning {}
