import type { SectionMatcher } from './doc-type.js';

/**
 * A kind's words as the whole label, after an optional "made", "taken" or "items" ("Decisions made", "Agenda
 * items") and a bracketed note ("Attendees (remote)"): "Actions required" in release notes or "To-dos for next
 * year" in a post names no section of minutes.
 */
function whole(words: string): string {
  return `^(?:${words})(?: (?:made|taken|items))?(?: \\([^()]*\\))?$`;
}

/**
 * The kinds of section minutes have, by their heading or bold label in the languages minutes are written in
 * (lower case, no accents: "Décisions" is `decisions`): who came, the agenda, what was discussed, what was decided,
 * who does what next, and when the next meeting is. A dated page with two kinds is one meeting's notes ("**Date** :
 * 24/06/2026" over "Participants", "Ordre du jour" and "Actions à mener"); one kind is not enough, and the words a
 * record or a guide uses as well are left out: a decision record's "Decision" and "Participants", a workshop's
 * "Agenda" and "Notes", a plan's "Tasks" and "Next steps". One of the two is who came, the agenda or the next
 * meeting, which only a meeting has: a postmortem's or a post's "Decisions" and "Action items" are no meeting's.
 * A guide on running the ritual ("How to run a retrospective", "Retro guide", "Sync runbook") has its sections too,
 * and so has a postmortem titled so, with its participants, its date and its actions.
 */
export const MINUTES_SECTIONS: SectionMatcher = {
  anchors: [
    // Who came.
    whole(
      'attendees|attendance|present|participants|participantes|presentes|asistentes|asistencia|teilnehmer(?:innen)?|teilnehmende|anwesend|anwesende|aanwezig|aanwezigen|presenze|partecipanti|convocados',
    ),
    // The agenda.
    whole(
      'agenda|meeting agenda|ordre du jour|orden del dia|pauta|tagesordnung|traktanden|ordine del giorno|agenda da reuniao',
    ),
    // When the next meeting is.
    whole(
      'next meeting|prochaine reunion|proxima reuniao|proxima reunion|nachste sitzung|nachstes treffen|nachster termin|prossima riunione|volgende vergadering',
    ),
  ],
  kinds: [
    // What was discussed.
    whole(
      'discussion|discussions|discussion points|meeting notes|minutes|notes de (?:la )?reunion|compte rendu|temas tratados|assuntos tratados|discusion|diskussion|besprochen|discussione',
    ),
    // What was decided: the plural, a record's "Decision" names its one.
    whole(
      'decisions|key decisions|decisiones|decisoes|acuerdos|beschlusse|beschluesse|besluiten|decisioni|deliberacoes',
    ),
    // Who does what next.
    whole(
      'action items|action item|actions|action points|actions a mener|actions a prendre|compromisos|compromissos|tareas|aufgaben|to-?dos|acoes|acciones|azioni|actiepunten',
    ),
  ],
  min: 2,
  dated: true,
  exceptTitles: [
    '^\\s*how\\s+(?:we|to)\\s+(?:run|hold|facilitate|organi[sz]e|prepare|do)\\b',
    '\\bguide$',
    '\\b(?:runbook|playbook)\\b',
    // A postmortem or incident report lists who took part and the actions too (the SRE template), dated by its day.
    '\\b(?:post-?mortem|incident report|release notes)\\b',
  ],
};
