package vn.ocop.shared.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.util.ReflectionUtils;
import vn.ocop.IntegrationTest;

/**
 * {@code ocop.scheduling.enabled=false} (the tests, the start-up training run) means no job runs by itself: nothing
 * else in the application may switch Spring's scheduling on. Spring Modulith's Moments did (its auto-configuration
 * carries {@code @EnableScheduling}): the nightly expiry of imported ratings fired in the middle of a test run at
 * 00:10 Vietnam time and changed the demo data a test was counting.
 */
@IntegrationTest
class SchedulingSwitchIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void withSchedulingOffTheApplicationsJobsAreNotScheduled() {
        List<String> jobs = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Object bean = context.getBean(name);
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getName().startsWith("vn.ocop.")) {
                continue;
            }
            ReflectionUtils.doWithMethods(type, method -> {
                if (AnnotatedElementUtils.hasAnnotation(method, Scheduled.class)) {
                    jobs.add(type.getSimpleName() + "." + method.getName());
                }
            });
        }
        assertThat(jobs).as("the application's jobs").contains("ImportedRatingExpiry.expire");

        List<String> scheduled = new ArrayList<>();
        context.getBeansOfType(ScheduledTaskHolder.class)
                .values()
                .forEach(holder -> holder.getScheduledTasks().forEach(task -> scheduled.add(task.toString())));
        assertThat(scheduled)
                .as("tasks scheduled with ocop.scheduling.enabled=false")
                .isEmpty();
    }
}
