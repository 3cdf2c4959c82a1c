/** Russian texts of the preview's cell editing: the grid, the in-cell editor and drop-down, the formula bar. */
export const ruEdit = {
  gridLabel:
    "Лист «{sheet}»: стрелки и Tab выбирают ячейку, Enter, F2 или ввод текста начинают правку, Alt+↓ открывает список ячейки, Delete очищает ячейку",
  gridSelected: "Ячейка {address}: {text}",
  gridSelectedEmpty: "Ячейка {address}: пусто",
  editCell: "Правка ячейки {address}: Enter — записать, Esc — отменить, Alt+Enter — новая строка",
  editDate: "Дата в виде ДД.ММ.ГГГГ",
  editList: "Значение ячейки {address} из списка",
  editListOpen: "Открыть список значений ячейки {address}",
  editClear: "(пусто)",
  editLockedTitle: "Лист защищён",
  editLocked:
    "Ячейка на защищённом листе «{sheet}» не открыта для ввода. Чтобы изменить её, снимите защиту листа (Рецензирование → Снять защиту листа).",
  editRefused: "Неверное значение",
  formulaBarEdit: "Содержимое ячейки {address}: щёлкните или нажмите Enter, чтобы изменить",
  closeMessage: "Закрыть сообщение",
};
