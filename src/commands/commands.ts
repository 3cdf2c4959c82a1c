/** The ribbon's FunctionFile: the add-in's commands open the task pane, so nothing runs here yet. */
Office.onReady(() => {
  // Intentionally empty: the page only has to be a valid FunctionFile.
});
