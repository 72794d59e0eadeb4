@uz
Feature: Can Uzbekistan hold him on Russia's wanted notice and extradite him?
  Uzbekistan signed the CIS regulations on interstate search (2015), which reach it without
  Interpol, and extradites to Russia under the Minsk Convention. The notes give no Uzbek
  detention limit and no reported case of a Russian deserter held or handed over in Uzbekistan.

  Background:
    Given a fresh person of nationality RU in UZ

  Scenario: On a CIS interstate wanted notice he can be held when found
    # Source: destination notes section 1.5 and 5.5 (regulations signed for UZ; x-i).
    Given home_proceedings.wanted_notice.channels is cis_interstate
    When the case is evaluated
    Then an outcome of kind detention is predicted
    And it comes from rule intl.cis-search.detention
    And rule intl.cis-search.party.uz.host holds

  Scenario: On an ordinary charge the Minsk Convention allows extradition
    # Source: destination notes section 0 (UZ: Minsk; CIS interstate search) and legal-notes
    # section 4 (Minsk art. 56: offences punishable in both states by at least a year).
    Given home_proceedings.charges is [{"article": "322", "opened_on": "2023-03-02"}]
    When the case is evaluated
    Then an outcome of kind removal is predicted
    And it comes from rule intl.minsk.56.extradition
    And rule intl.minsk.party.uz.host holds
