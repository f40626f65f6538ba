import type { SectionMatcher } from './doc-type.js';

/**
 * The kinds of section minutes have, by their heading or bold label in the languages minutes are written in
 * (lower case, no accents: "Décisions" is `decisions`): who came, the agenda, what was discussed, what was decided,
 * who does what next, and when the next meeting is. A dated page with two kinds is one meeting's notes ("**Date** :
 * 24/06/2026" over "Participants", "Ordre du jour" and "Actions à mener"); one kind is not enough, and the words a
 * record or a guide uses as well are left out: a decision record's "Decision" and "Participants", a workshop's
 * "Agenda" and "Notes", a plan's "Tasks" and "Next steps".
 */
export const MINUTES_SECTIONS: SectionMatcher = {
  kinds: [
    // Who came.
    '^(?:attendees|attendance|present|participants|participantes|presentes|asistentes|asistencia|teilnehmer(?:innen)?|teilnehmende|anwesend|anwesende|aanwezig|aanwezigen|presenze|partecipanti|convocados)\\b',
    // The agenda.
    '^(?:agenda|meeting agenda|ordre du jour|orden del dia|pauta|tagesordnung|traktanden|ordine del giorno|agenda da reuniao)\\b',
    // What was discussed.
    '^(?:discussion|discussions|discussion points|meeting notes|minutes|notes de (?:la )?reunion|compte rendu|temas tratados|assuntos tratados|discusion|diskussion|besprochen|discussione)\\b',
    // What was decided: the plural, a record's "Decision" names its one.
    '^(?:decisions|decisions made|decisions taken|key decisions|decisiones|decisoes|acuerdos|beschlusse|beschluesse|besluiten|decisioni|deliberacoes)\\b',
    // Who does what next.
    '^(?:action items|action item|actions|action points|actions a mener|actions a prendre|compromisos|compromissos|tareas|aufgaben|to-?dos|acoes|acciones|azioni|actiepunten)\\b',
    // When the next meeting is.
    '^(?:next meeting|prochaine reunion|proxima reuniao|proxima reunion|nachste sitzung|nachstes treffen|nachster termin|prossima riunione|volgende vergadering)\\b',
  ],
  min: 2,
  dated: true,
};
