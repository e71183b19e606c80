package id.satupintu.jobs.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunSummaryTest {
    @Test
    void aFailedStepsReasonIsTheFirstLineOfItsStackTraceWithoutTheExceptionClass() {
        assertThat(
                        RunSummary.reason(
                                "id.satupintu.jobs.refresh.StepFailureInjection$InjectedFailure: Injected failure"
                                        + " at the end of step link (satupintu.test.fail-at)\n\tat id.satupintu.jobs.refresh.X.y(X.java:1)"))
                .isEqualTo("Injected failure at the end of step link (satupintu.test.fail-at)");
        assertThat(RunSummary.reason("id.satupintu.pipeline.warehouse.WarehouseBuildException: Data tests failed,"
                        + " warehouse not published: no_october_yet (error, 1 rows: period=2026-10)\n\tat x"))
                .isEqualTo(
                        "Data tests failed, warehouse not published: no_october_yet (error, 1 rows: period=2026-10)");
    }

    @Test
    void aReasonWithoutAnExceptionClassIsKeptWhole() {
        assertThat(RunSummary.reason("Timeout: no answer from the database"))
                .isEqualTo("Timeout: no answer from the database");
    }

    @Test
    void anEmptyExitDescriptionGivesNoReason() {
        assertThat(RunSummary.reason("")).isNull();
        assertThat(RunSummary.reason(null)).isNull();
    }
}
