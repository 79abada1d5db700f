/**
 * What each kind of order does, in one plain sentence for the student who chooses it, and one real example
 * from the record (the dates and facts of the timeline behind the game; the words are ours). The order sheet
 * shows it beside the cost; docs/rules.md section 3 has the full effects.
 *
 * Keyed by order kind as a plain record so that an order kind added to ORDER_SPECS without help fails the unit
 * test (tests/shared/orderHelp.test.ts) by name. The last entries describe order kinds the rules are still
 * gaining this session (signature, ratification, missile defence): check their sentences against the rules
 * when those kinds land.
 */
export interface OrderHelp {
  does: string; // "Puts a treaty text before the Conference on Disarmament…"
  example: string; // "February 2008: Russia and China tabled the first PPWT draft…"
}

export const ORDER_HELP: Readonly<Record<string, OrderHelp>> = {
  // At the Conference on Disarmament and the UN
  tableDraft: {
    does: 'Puts a treaty text on the table at the Conference on Disarmament: it gains momentum, you become its sponsor and gain prestige, and tabling the PPWT binds you not to place weapons in orbit first.',
    example:
      'February 2008: Russia and China tabled the first draft of the PPWT, the treaty on preventing the placement of weapons in outer space.',
  },
  coSponsor: {
    does: 'Adds your name to a text someone has tabled (this round or before): the text gains momentum and you gain a little prestige. It does nothing if nobody tabled the text.',
    example:
      'June 2002: five other states joined China and Russia on CD/1679, the working paper on the elements of a space-weapons treaty.',
  },
  amendDraft: {
    does: "Proposes a clause for a tabled text (verification, a ban on ground-based anti-satellite weapons, or definitions): a sponsor's clause joins at once; anyone else's waits for every sponsor to accept it next round.",
    example:
      'June 2014: China and Russia tabled a revised PPWT with new definitions and a rewritten article on self-defence.',
  },
  blockConsensus: {
    does: 'Objects to a text: the Conference works by consensus, so one objection stops its adoption this round; the text loses momentum and you lose legitimacy, more if the text was close to adoption.',
    example:
      'September 2014: the United States called the revised PPWT fundamentally flawed, chiefly because it left out ground-based anti-satellite weapons and had no verification.',
  },
  proposeTcbm: {
    does: 'Puts a transparency or confidence-building measure (such as a hotline or notice of close approaches) on the table with you as its first endorser; it is in force once a second delegation endorses it, and tension falls.',
    example:
      'December 2010: after a Russian and Chinese initiative, the General Assembly set up a group of experts on transparency and confidence-building in space (resolution 65/68).',
  },
  endorseTcbm: {
    does: 'Supports a measure someone has proposed; with two endorsers it is in force between them and tension falls. You take on the measure’s pledge.',
    example:
      'December 2006: the General Assembly adopted resolution 61/75 on transparency and confidence-building measures in outer space.',
  },
  workingPaper: {
    does: 'Submits a working paper on verification or on definitions: it moves the matching treaty texts forward and earns prestige, without tabling anything.',
    example:
      'May 2006: China and Russia circulated a working paper on definitions, such as what counts as a space weapon (CD/1779).',
  },
  proposeResolution: {
    does: 'Proposes a General Assembly First Committee resolution, put to the vote next round; whether or not it passes, it binds you to what it asks.',
    example:
      'December 2022: the General Assembly adopted resolution 77/41, led by the United States, calling on states not to conduct destructive direct-ascent anti-satellite tests.',
  },
  voteResolution: {
    does: 'Casts your vote (yes, no or abstain) on a resolution proposed last round; not voting counts as abstaining, and sponsors vote yes.',
    example:
      'December 2022: resolution 77/41 passed 155 to 9 with 9 abstentions; China and Russia voted no and India abstained.',
  },
  statement: {
    does: 'Says something on the public CD floor (up to 280 characters). Words never bind you, but a call for deterrence raises tension and condemning a delegation costs it legitimacy and makes it feel more threatened by you.',
    example:
      'April 2022: Vice President Harris announced that the United States would not conduct destructive direct-ascent anti-satellite tests and asked others to follow.',
  },
  withdrawTreaty: {
    does: 'Leaves a treaty you are party to: you are no longer bound by it, but you lose much legitimacy and tension rises.',
    example:
      'June 2002: the US withdrawal from the Anti-Ballistic Missile Treaty took effect, which deepened China’s fear for its nuclear deterrent.',
  },
  // Bilateral
  summit: {
    does: 'Meets another delegation, if it orders a summit with you in the same round: China and Russia grow closer (and the US feels a bloc forming); any other pair feels less threatened and tension falls.',
    example:
      'February 2022: Xi and Putin issued their “no limits” joint statement, which opposed turning space into an arena of armed confrontation.',
  },
  techDeal: {
    does: 'Trades technology with a delegation that chooses the same deal in the same round: rocket engines, help with missile early warning, propellant or satellite navigation; the weaker side gains a capability.',
    example:
      '2002 onward: US Atlas V rockets flew on the Russian RD-180 engine, until Congress ended purchases for national-security launches at the end of 2022.',
  },
  sanction: {
    does: 'Puts export controls (three rounds, cutting the target’s income) or a ban on space cooperation on a delegation: it feels threatened, tension rises, and no technology deals are possible between you.',
    example:
      'April 2011: the Wolf Amendment barred NASA from bilateral cooperation with China unless the FBI certified it and Congress was told.',
  },
  liftSanction: {
    does: 'Ends your export controls or ban on a delegation at once: it gets back the income they took, feels less threatened, and technology deals are possible again next round.',
    example:
      'Not seen in the record: the Wolf Amendment of 2011 has been renewed in every US budget since, and lifting it would be a choice no government has made.',
  },
  lunarPartnership: {
    does: 'Joins or promotes a lunar bloc, the US-led Artemis Accords or the China–Russia International Lunar Research Station: the bloc gains partners and your lunar programme and prestige grow.',
    example:
      'October 2020: eight countries, the United States among them, signed the Artemis Accords; in March 2021 China and Russia agreed to build the International Lunar Research Station.',
  },
  // In orbit
  launchSatellites: {
    does: 'Puts one to three satellites into low, medium or geostationary orbit (geostationary needs launch capability 2 and costs twice as much); two or more to low orbit add debris.',
    example:
      'February 2024: a Russian Soyuz rocket put Iran’s Pars-1 satellite into orbit, one sign of growing space cooperation among Russia, China, Iran and North Korea.',
  },
  buildCounterspace: {
    does: 'Builds one level of a counterspace weapon: jammers, a ground-based laser, a co-orbital inspector or a direct-ascent missile. Jammers and inspectors are covert: others see them only if their sensors catch them.',
    example:
      'May 2024: US officials said Russia had launched Cosmos 2576, a counterspace weapon, into the same orbital plane as a US government satellite.',
  },
  testCounterspace: {
    does: 'Tests a weapon you have built: a direct-ascent test destroys one of your own satellites and makes a great deal of debris; a co-orbital or laser test approaches or dazzles another delegation’s satellites, an incident it may trace to you.',
    example:
      'November 2021: a Russian interceptor destroyed the defunct satellite Kosmos 1408, leaving over 1,500 trackable fragments that sent the crew of the International Space Station to shelter.',
  },
  jam: {
    does: 'Jams the signals of another delegation’s satellites with the jammers you have built: an incident that raises tension, felt by the target once it traces the jamming to you.',
    example:
      'June 2024: the head of US Space Command said China’s counterspace weapons now ranged from jammers and lasers to anti-satellite missiles.',
  },
  buildMissileWarning: {
    does: 'Builds missile-warning radars and sensors (one level): it adds to your security and your military power in space.',
    example:
      'October 2019: Putin said Russia was helping China build a missile-attack early-warning system, which the US believes includes ground radars.',
  },
  buildSsa: {
    does: 'Builds space situational awareness (one level): better sensors see more of what others do in orbit, covert builds and tests included.',
    example:
      'May 2024: US Space Command tracked Cosmos 2576 into the orbital plane of a US spy satellite and said so within days.',
  },
  jointExercise: {
    does: 'Holds a joint air and missile defence exercise with a delegation that orders the same with you this round: both gain military power seen by all, and China and Russia grow closer.',
    example:
      'May 2016: Russia and China held their first joint computer-assisted missile-defence exercise, Aerospace Security-2016, in Moscow.',
  },
  debrisMitigation: {
    does: 'Removes debris from orbit and earns prestige: every delegation’s satellites are safer.',
    example:
      'January 2007: China’s anti-satellite test on the Fengyun-1C weather satellite made the largest debris cloud ever recorded, with thousands of trackable fragments.',
  },
  lunarMission: {
    does: 'Flies a mission to the Moon (needs launch capability 3): your lunar programme grows a great deal and you gain prestige.',
    example:
      'March 2021: China first fired the YF-130, the 500-tonne engine meant for its Long March 9 Moon rocket.',
  },
  // Draft help for order kinds the rules are gaining this session: check against the rules on merge.
  answerAmendment: {
    does: "Answers another delegation's proposed clause to a text you sponsor: accept it and it joins the text; refuse it, or leave it unanswered, and you lose legitimacy.",
    example:
      'September 2014: the US objected (CD/1998) that the revised PPWT had no verification and left ground-based anti-satellite weapons out; its sponsors kept the text as it was.',
  },
  lobbyResolution: {
    does: 'Works the capitals of other states for or against a resolution up for a vote: it moves some seats in the blocs that listen to you, more if your legitimacy is high.',
    example:
      'December 2014: resolution 69/32 on no first placement passed 126 to 4 with 46 abstentions, most of the Western group abstaining rather than voting no.',
  },
  signTreaty: {
    does: 'Signs a text the Conference adopted: you show you mean to join it (and a breach now costs you some standing), but it binds you only once you ratify it, in a later round.',
    example:
      '1967: the Outer Space Treaty was signed and then ratified by the US and the Soviet Union; it bans weapons of mass destruction in orbit but not conventional weapons.',
  },
  ratifyTreaty: {
    does: 'Ratifies a text you signed in an earlier round: you become a party, bound by its rules, and with a second party it enters into force between you.',
    example:
      'The PPWT never reached this step: first tabled in February 2008 (CD/1839), it was never adopted, and the US said in 2014 (CD/1998) it could not be verified.',
  },
  buildMissileDefence: {
    does: 'Builds one level of missile defence: your security rises, while the others fear for their deterrent and China and Russia draw closer.',
    example:
      'June 2002: the US left the ABM Treaty; China and Russia had warned in July 2000 that US national missile defence would damage arms control.',
  },
};

/** The help for an order kind, or undefined for a kind nobody has explained yet. */
export function orderHelp(kind: string): OrderHelp | undefined {
  return Object.hasOwn(ORDER_HELP, kind) ? ORDER_HELP[kind] : undefined;
}
