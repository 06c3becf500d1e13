// Words a real office reads in its suggestion box, for the synthetic demo data. Made up, in the
// manner of what citizens write on SIPAS forms; the weaker criteria (seats, handling time) come up
// most, as they would.

/** Free-text suggestions on the full questionnaire, each with how often it is picked (weight). */
export const DEMO_SUGGESTIONS: [string, number][] = [
  ['Nơi ngồi chờ buổi sáng không đủ ghế, nhiều người phải đứng.', 6],
  ['Nên bố trí thêm ghế ngồi chờ và quạt mát ở khu vực một cửa.', 5],
  ['Thời gian giải quyết hồ sơ còn dài, đề nghị rút ngắn.', 5],
  ['Hồ sơ của tôi trả chậm hai ngày so với giấy hẹn, không được báo trước.', 4],
  ['Nên nhắn tin báo khi hồ sơ có kết quả để đỡ phải đi lại.', 3],
  ['Cán bộ hướng dẫn nhiệt tình, dễ hiểu. Cảm ơn.', 4],
  ['Đề nghị niêm yết rõ hơn mức phí, lệ phí tại quầy.', 2],
  ['Nên có máy lấy số thứ tự tự động.', 2],
  ['Mong được nhận kết quả qua bưu điện.', 1],
  ['Hướng dẫn trên cổng dịch vụ công còn khó hiểu, nên có video hướng dẫn.', 2],
];

/** Feedback items (góp ý, phản ánh, kiến nghị) and the reply staff gave. */
export const DEMO_FEEDBACK: { kind: 'suggestion' | 'report' | 'complaint'; text: string; reply: string }[] = [
  { kind: 'suggestion', text: 'Đề nghị bố trí thêm ghế ngồi chờ ở bộ phận một cửa vào buổi sáng thứ Hai.', reply: 'Ban đã bổ sung 12 ghế ngồi chờ và sẽ bố trí thêm quầy vào sáng thứ Hai. Cảm ơn Ông/Bà đã góp ý.' },
  { kind: 'report', text: 'Hồ sơ cấp giấy phép xây dựng của tôi quá hẹn 3 ngày nhưng không nhận được thông báo lý do.', reply: 'Hồ sơ phải bổ sung ý kiến của cơ quan chuyên môn. Ban xin lỗi vì chưa thông báo kịp thời và đã trả kết quả ngày hôm qua.' },
  { kind: 'suggestion', text: 'Nên gửi tin nhắn báo khi hồ sơ có kết quả để người dân không phải đến hỏi nhiều lần.', reply: 'Ban đang phối hợp triển khai nhắn tin báo kết quả qua hệ thống một cửa điện tử từ quý tới.' },
  { kind: 'complaint', text: 'Tôi được yêu cầu nộp thêm bản sao giấy tờ không có trong danh mục thành phần hồ sơ.', reply: 'Ban đã kiểm tra và nhắc nhở công chức tiếp nhận; thành phần hồ sơ thực hiện đúng danh mục đã niêm yết.' },
  { kind: 'suggestion', text: 'Khu vực chờ nóng vào buổi chiều, đề nghị lắp thêm quạt.', reply: 'Ban đã lắp thêm hai quạt treo tường tại khu vực chờ.' },
  { kind: 'report', text: 'Bảng niêm yết phí, lệ phí ở quầy số 2 bị che khuất, khó đọc.', reply: 'Bảng niêm yết đã được chuyển ra vị trí dễ nhìn. Cảm ơn Ông/Bà.' },
  { kind: 'suggestion', text: 'Cán bộ quầy số 1 hướng dẫn rất tận tình, đề nghị biểu dương.', reply: 'Ban ghi nhận và cảm ơn ý kiến của Ông/Bà.' },
  { kind: 'complaint', text: 'Phải đi lại ba lần mới nộp được hồ sơ vì mỗi lần được hướng dẫn một ý khác nhau.', reply: 'Ban đã tổ chức hướng dẫn lại nghiệp vụ cho công chức và ban hành phiếu hướng dẫn kê khai thống nhất.' },
];
