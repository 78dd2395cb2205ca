/** Every command id of package.json, written once. */
export const enum CommandId {
	/** {@link refreshArticles} */
	RefreshArticles = 'parallax.refreshArticles',
	/** {@link openArticle} */
	OpenArticle = 'parallax.openArticle',
	/** {@link importArticle} */
	ImportArticle = 'parallax.importArticle',
	/** {@link compareArticles} */
	CompareArticles = 'parallax.compareArticles',
	/** {@link compareStory} */
	CompareStory = 'parallax.compareStory',
	/** {@link ComparePanel.navigate} */
	NextDivergence = 'parallax.nextDivergence',
	/** {@link ComparePanel.navigate} */
	PreviousDivergence = 'parallax.previousDivergence',
	/** {@link compareOnPerson} */
	CompareOnPerson = 'parallax.compareOnPerson',
	/** {@link findParallelPassages} */
	FindParallelPassages = 'parallax.findParallelPassages',
	/** {@link exportComparison} */
	ExportComparison = 'parallax.exportComparison',
	/** {@link showCorpusError} */
	ShowCorpusError = 'parallax.showCorpusError',
	/** {@link NoteCommands.addNote} */
	AddNote = 'parallax.addNote',
	/** {@link NoteCommands.create} */
	CreateNote = 'parallax.notes.create',
	/** {@link NoteCommands.reply} */
	ReplyNote = 'parallax.notes.reply',
	/** {@link NoteCommands.edit} */
	EditNote = 'parallax.notes.edit',
	/** {@link NoteCommands.save} */
	SaveNote = 'parallax.notes.save',
	/** {@link NoteCommands.cancel} */
	CancelNote = 'parallax.notes.cancel',
	/** {@link NoteCommands.delete} */
	DeleteNote = 'parallax.notes.delete',
	/** {@link NoteCommands.deleteThread} */
	DeleteNoteThread = 'parallax.notes.deleteThread',
	/** {@link NoteCommands.setResolved} */
	ResolveNote = 'parallax.notes.resolve',
	/** {@link NoteCommands.setResolved} */
	UnresolveNote = 'parallax.notes.unresolve',
	/** {@link NoteCommands.reveal} */
	RevealNote = 'parallax.revealNote',
	/** {@link NoteCommands.reattach} */
	ReattachNote = 'parallax.reattachNote',
	/** {@link NotesService.reload} */
	RefreshNotes = 'parallax.refreshNotes',
	/** {@link exportNotes} */
	ExportNotes = 'parallax.exportNotes',
	/** {@link linkPassages} */
	LinkPassages = 'parallax.linkPassages',
}
