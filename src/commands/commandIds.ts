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
}
