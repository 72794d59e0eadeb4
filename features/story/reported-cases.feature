@story
Feature: Two more reported Kazakh cases, as the reports record them and as lexcase would have predicted them
  seeds/sandzhiev.yaml (a mobilised man convicted under art. 392 in 2023, his expulsion upheld on
  appeal) and seeds/bazhukov.yaml (a deserter and asylum seeker handed to Russian servicemen in
  February 2026). Real reported cases, not composites: the seeds and docs/sources.md give the
  reports. Seen on the file's date lexcase gives what the reports record; seen earlier it predicts
  it. Issue 12.

  Scenario: Sandzhiev as reported on 26 May 2023
    # Source: docs/sources.md bureau-kz-2023-05-26, rfe-sandzhiev-2023-05, oqu-sandzhiev-2023.
    Given the case in "seeds/sandzhiev.yaml"
    When the case is evaluated
    Then an outcome of kind sentence is predicted in KZ
    And it comes from rule kz.cc.392.sentence.imposed
    And its detail months is 6
    And its detail disposition is conditional
    And an outcome of kind removal is predicted in KZ
    And it comes from rule kz.cc.392.1.expulsion.ordered
    And its detail ban_years is 5
    And an outcome of kind asylum is predicted in KZ
    And it comes from rule kz.refugees.decision.refused
    And rule kz.cc.392.1.expulsion.cancelled_on_appeal does not apply

  Scenario: Sandzhiev in April 2023, before his conviction: lexcase predicts it
    # Source: as above; the conviction and the appeal are not yet on record on 15 April 2023. The
    # crossing and the desertion are known only to the month (March 2023), which settles the law
    # in force and the mobilisation, but not whether he claimed within 24 hours.
    Given the case in "seeds/sandzhiev.yaml"
    When the case is evaluated as of 2023-04-15
    Then an outcome of kind prosecution is predicted in KZ
    And it comes from rule kz.cc.392.1
    And an outcome of kind sentence is predicted in KZ
    And it comes from rule kz.cc.392.1.sentence.practice
    And its detail likely_months is 6
    And its detail expulsion_years is 5
    And an outcome of kind removal is predicted in KZ
    And it comes from rule kz.cc.392.1.expulsion
    And rule ru.decree647.mobilisation holds
    And rule intl.rc.31.1 is undecided
    And the fact asylum.applied_on is listed as needed by rule intl.rc.31.1

  Scenario: Bazhukov as reported on 3 February 2026
    # Source: docs/sources.md euronews-2026-02-03, svoboda-2026-02-19.
    Given the case in "seeds/bazhukov.yaml"
    When the case is evaluated
    Then an outcome of kind removal is predicted in KZ
    And it comes from rule kz.removal.carried_out.handover
    And its detail status is carried out
    And an outcome of kind protection is predicted in KZ
    And it comes from rule kz.refugees.asylum_seeker.not_returned
    And rule kz.practice.returns_of_asylum_seekers is defeated by kz.removal.carried_out.handover

  Scenario: Bazhukov on 1 February 2026, before the hand-over: lexcase predicts a return
    # Source: docs/sources.md euronews-2026-02-03, zona-2026-02-12 (returns of deserters from late
    # January 2026).
    Given the case in "seeds/bazhukov.yaml"
    When the case is evaluated as of 2026-02-01
    Then an outcome of kind removal is predicted in KZ
    And it comes from rule kz.practice.returns_of_asylum_seekers
    And it rests on practice
    And rule kz.removal.carried_out.handover does not apply
